-- Calls: one row per call the flow host ran, written when it starts and completed when it ends, and the call's
-- ordered event log (prompts, keys, decisions, messages). Times are Unix milliseconds (UTC). Same DDL on SQLite and PostgreSQL.
CREATE TABLE calls (
    id             TEXT    NOT NULL PRIMARY KEY,
    app            TEXT    NOT NULL,
    app_type       TEXT    NOT NULL,
    started_at     BIGINT  NOT NULL,
    ended_at       BIGINT  NULL,
    caller_raw     TEXT    NOT NULL,
    caller_number  TEXT    NULL,
    caller_type    TEXT    NULL,
    called         TEXT    NOT NULL,
    outcome        TEXT    NULL,
    hangup         TEXT    NULL,
    message_ids    TEXT    NULL
);

CREATE INDEX calls_started ON calls (started_at);
CREATE INDEX calls_caller_number ON calls (caller_number, started_at);

CREATE TABLE call_events (
    call_id  TEXT     NOT NULL,
    seq      INTEGER  NOT NULL,
    at_ms    BIGINT   NOT NULL,
    kind     TEXT     NOT NULL,
    detail   TEXT     NOT NULL,
    PRIMARY KEY (call_id, seq)
);
