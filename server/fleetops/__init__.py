"""Fleet operations on the server: officers' remote commands, their audit, and staged rollouts of releases."""
