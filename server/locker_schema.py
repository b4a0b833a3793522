"""The locker's tables (server/locker.py, server/locker_link.py) and the deliveries counted by channel."""

SCHEMA = [
    # A locker account is named by a keyed hash of its mobile number: the number itself is kept only masked.
    """CREATE TABLE IF NOT EXISTS locker_accounts (
        account TEXT PRIMARY KEY, mobile_masked TEXT NOT NULL, created_at TEXT NOT NULL)""",
    # One row per (account, URI): pushing the same document again changes nothing (idempotent push by URI).
    """CREATE TABLE IF NOT EXISTS locker_documents (
        account TEXT NOT NULL, uri TEXT NOT NULL, doc_type TEXT NOT NULL, name TEXT NOT NULL, issuer TEXT NOT NULL,
        issued_on TEXT NOT NULL, pushed_at TEXT NOT NULL, PRIMARY KEY (account, uri))""",
    # Nonces of signed issuer requests seen within the replay window (older ones are refused by their timestamp).
    """CREATE TABLE IF NOT EXISTS locker_nonces (
        issuer TEXT NOT NULL, nonce TEXT NOT NULL, seen_at BIGINT NOT NULL, PRIMARY KEY (issuer, nonce))""",
    # An OTP sent to link a locker: only keyed hashes of the challenge and the OTP, its expiry and the tries used.
    """CREATE TABLE IF NOT EXISTS locker_otps (
        challenge_hash TEXT PRIMARY KEY, account TEXT NOT NULL, mobile_masked TEXT NOT NULL, otp_hash TEXT NOT NULL,
        expires_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, used INTEGER NOT NULL DEFAULT 0)""",
    # A linked locker, for the kiosk that linked it: a short-lived token (hash kept) to push certificates there.
    """CREATE TABLE IF NOT EXISTS locker_links (
        token_hash TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, account TEXT NOT NULL, expires_at TEXT NOT NULL)""",
    # Issued certificates delivered, per machine, business day (IST) and channel: print, sms, qr, locker.
    """CREATE TABLE IF NOT EXISTS delivery_channel_days (
        kiosk_id TEXT NOT NULL, day TEXT NOT NULL, channel TEXT NOT NULL, count BIGINT NOT NULL,
        PRIMARY KEY (kiosk_id, day, channel))""",
    # Queued pushes (the kiosk's `locker.requested` events) already made or refused: each event is acted on once.
    """CREATE TABLE IF NOT EXISTS locker_queued (
        kiosk_id TEXT NOT NULL, epoch INTEGER NOT NULL, seq BIGINT NOT NULL, outcome TEXT NOT NULL,
        handled_at TEXT NOT NULL, PRIMARY KEY (kiosk_id, epoch, seq))""",
    # A certificate link's first opening (the QR channel counts a link once, however often it is opened).
    """CREATE TABLE IF NOT EXISTS delivery_opened (code_hash TEXT PRIMARY KEY, opened_at TEXT NOT NULL)""",
]
