-- Hand-written: the numbering at COMMIT (0009) reads only the committing transaction's own rows, by index,
-- whatever the statistics say. ANALYZE nearly always finds no unnumbered invoice, and on that estimate the
-- planner joined by hashing every transaction (60,000 in the webhook bench) and read the unnumbered-invoice
-- index as a bitmap, which never marks the entries of numbered rows dead: at every COMMIT, under the
-- counter's lock. The plan settings hold inside this function only.
CREATE OR REPLACE FUNCTION kapal_number_pending_invoices() RETURNS void LANGUAGE plpgsql
  SET enable_seqscan = off
  SET enable_bitmapscan = off
  SET enable_hashjoin = off
  SET enable_mergejoin = off
AS $$
BEGIN
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
END
$$;
--> statement-breakpoint
-- Once per invoice written without a number, at COMMIT: the first call numbers them all.
CREATE OR REPLACE FUNCTION kapal_number_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM invoices WHERE id = NEW.id AND number IS NULL;
  IF FOUND THEN
    PERFORM kapal_number_pending_invoices();
  END IF;
  RETURN NULL;
END
$$;
