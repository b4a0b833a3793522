"""Customer journeys as state machines: intents in, state out, no Qt. View-models only render and forward."""
