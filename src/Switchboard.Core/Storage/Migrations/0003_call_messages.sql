-- Which outbox messages a call caused. A flow writes the link in the same transaction as the message itself, so a
-- message is on its call's record the moment it is queued, even if the call later fails or the server stops mid-call.
-- Replaces calls.message_ids, which was only written when the call ended. Same DDL on SQLite and PostgreSQL.
CREATE TABLE call_messages (
    call_id     TEXT  NOT NULL,
    message_id  TEXT  NOT NULL,
    PRIMARY KEY (call_id, message_id)
);

ALTER TABLE calls DROP COLUMN message_ids;
