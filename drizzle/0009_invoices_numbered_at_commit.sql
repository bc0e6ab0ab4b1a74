-- Invoices are numbered as their transaction commits, not when they are written: the month's counter row
-- is locked from then until the end of COMMIT only, instead of from the invoice statement through every
-- later statement of the caller's transaction (the webhook's notification record; a subscription's pod
-- and audit rows), and after every balance lock the transaction takes (no lock-order deadlock through it).
ALTER TABLE "invoices" ALTER COLUMN "number" DROP NOT NULL;--> statement-breakpoint
-- Existing invoices: their month is in their number (the immutability trigger is set aside for this only).
ALTER TABLE "invoices" ADD COLUMN "month" text;--> statement-breakpoint
ALTER TABLE "invoices" DISABLE TRIGGER "invoices_immutable";--> statement-breakpoint
UPDATE "invoices" SET "month" = substr("number", 5, 6);--> statement-breakpoint
ALTER TABLE "invoices" ENABLE TRIGGER "invoices_immutable";--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "month" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "invoices_unnumbered_idx" ON "invoices" USING btree ("id") WHERE "invoices"."number" is null;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_month_format" CHECK ("invoices"."month" ~ '^[0-9]{4}(0[1-9]|1[0-2])$');--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_number_of_its_month" CHECK ("invoices"."number" ~ ('^INV-' || "invoices"."month" || '-[0-9]{6,}$'));--> statement-breakpoint
-- Hand-written. Fired at COMMIT (deferred), once per invoice written without a number: the first call numbers
-- every unnumbered invoice of the committing transaction at once (only its own are visible unnumbered:
-- everyone else's were numbered by their own COMMIT), in the order their money transactions happened,
-- taking as many numbers from each month's counter. Gap-free: the counter and the numbers commit together
-- or not at all, and the counter row's lock makes concurrent commits take turns.
CREATE OR REPLACE FUNCTION kapal_number_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM invoices WHERE id = NEW.id AND number IS NULL;
  IF NOT FOUND THEN
    RETURN NULL; -- numbered by an earlier call of this COMMIT
  END IF;
  PERFORM set_config('kapal.numbering_invoices', 'on', true);
  WITH pending AS (
    SELECT i.id, i.month,
           row_number() OVER (PARTITION BY i.month ORDER BY t.created_at, t.id) AS n,
           count(*) OVER (PARTITION BY i.month) AS of_month
    FROM invoices i JOIN transactions t ON t.id = i.transaction_id
    WHERE i.number IS NULL
  ),
  counters AS (
    -- Months in order, so two transactions spanning the same two months lock their counters alike.
    INSERT INTO invoice_counters AS c (month, last_number, updated_at)
    SELECT month, count(*), now() FROM pending GROUP BY month ORDER BY month
    ON CONFLICT (month) DO UPDATE
      SET last_number = c.last_number + excluded.last_number, updated_at = excluded.updated_at
    RETURNING c.month, c.last_number
  )
  UPDATE invoices i
  SET number = 'INV-' || p.month || '-' ||
               CASE WHEN s.sequence < 1000000 THEN lpad(s.sequence::text, 6, '0') ELSE s.sequence::text END
  FROM pending p
  JOIN counters c ON c.month = p.month
  CROSS JOIN LATERAL (SELECT c.last_number - p.of_month + p.n AS sequence) s
  WHERE i.id = p.id;
  PERFORM set_config('kapal.numbering_invoices', 'off', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER invoices_numbered_at_commit AFTER INSERT ON invoices
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.number IS NULL) EXECUTE FUNCTION kapal_number_invoices();
--> statement-breakpoint
-- An issued invoice still takes no UPDATE and no DELETE, except its number, given once by the trigger above.
CREATE OR REPLACE FUNCTION kapal_invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  numbered invoices;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.number IS NULL AND NEW.number IS NOT NULL
     AND current_setting('kapal.numbering_invoices', true) = 'on' THEN
    numbered := OLD;
    numbered.number := NEW.number;
    IF numbered IS NOT DISTINCT FROM NEW THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
DROP TRIGGER "invoices_immutable" ON "invoices";--> statement-breakpoint
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION kapal_invoices_immutable();
