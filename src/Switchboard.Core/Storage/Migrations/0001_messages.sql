-- The outbox: one row per message to send, from enqueue to the provider's final delivery status.
-- Times are Unix milliseconds (UTC); ids are time-ordered UUIDs as text. Same DDL on SQLite and PostgreSQL.
CREATE TABLE messages (
    id                   TEXT    NOT NULL PRIMARY KEY,
    idempotency_key      TEXT    NOT NULL UNIQUE,
    channel              TEXT    NOT NULL,
    recipient            TEXT    NOT NULL,
    sender               TEXT    NULL,
    subject              TEXT    NULL,
    body                 TEXT    NULL,
    template_id          TEXT    NULL,
    template_variables   TEXT    NULL,
    caller               TEXT    NULL,
    status               TEXT    NOT NULL,
    status_reason        TEXT    NULL,
    attempts             INTEGER NOT NULL DEFAULT 0,
    due_at               BIGINT  NOT NULL,
    claim_token          TEXT    NULL,
    provider_id          TEXT    NULL,
    error_code           TEXT    NULL,
    error_message        TEXT    NULL,
    created_at           BIGINT  NOT NULL,
    sent_at              BIGINT  NULL,
    delivery_status      TEXT    NULL,
    delivery_rank        INTEGER NULL,
    delivery_error_code  TEXT    NULL,
    delivery_updated_at  BIGINT  NULL
);

CREATE INDEX messages_due ON messages (status, due_at);
CREATE INDEX messages_provider_id ON messages (provider_id);
CREATE INDEX messages_recipient_created ON messages (recipient, created_at);
CREATE INDEX messages_caller_created ON messages (caller, created_at);
CREATE INDEX messages_created ON messages (created_at);
