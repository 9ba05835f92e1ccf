-- A mail may carry one inline image (the monthly digest's chart, a PNG): sent as a multipart/related part with
-- this Content-ID, which the HTML body references as cid:<id>. Cleared with the bodies once the mail is sent or
-- given up.
ALTER TABLE mail_outbox ADD COLUMN inline_image BYTEA;
ALTER TABLE mail_outbox ADD COLUMN inline_image_id TEXT;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_inline_image_whole
    CHECK ((inline_image IS NULL) = (inline_image_id IS NULL));
