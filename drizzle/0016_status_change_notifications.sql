-- Every committed change of a subscription's or a pod's status tells the API processes whose row it was, so
-- they push it to that user's open GET /api/v1/events streams (src/modules/subscriptions/status-stream.ts).
-- Triggers rather than NOTIFY calls in the code: the informers, the reconciler, the lifecycle pass, the
-- administrators' actions and manual SQL are all caught. Row-level, and an UPDATE notifies only when the
-- status changed (the informers rewrite a pod's row on every observation). A deleted row notifies with a
-- null status. The payload is a small JSON object (well under NOTIFY's 8000 bytes):
--   {"userId": "<uuid>", "kind": "subscription" | "pod", "id": "<uuid>", "status": "<enum value>" | null}
-- NOTIFY is transactional: delivered on commit, never for a rolled-back change.
CREATE OR REPLACE FUNCTION kapal_notify_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed_user uuid;
  changed_id uuid;
  changed_status text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    changed_user := OLD.user_id;
    changed_id := OLD.id;
    changed_status := NULL;
  ELSE
    changed_user := NEW.user_id;
    changed_id := NEW.id;
    changed_status := NEW.status::text;
  END IF;
  PERFORM pg_notify('kapal_status_changed', json_build_object(
    'userId', changed_user,
    'kind', CASE TG_TABLE_NAME WHEN 'subscriptions' THEN 'subscription' ELSE 'pod' END,
    'id', changed_id,
    'status', changed_status
  )::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER subscriptions_status_created_or_deleted AFTER INSERT OR DELETE ON subscriptions
  FOR EACH ROW EXECUTE FUNCTION kapal_notify_status_changed();
--> statement-breakpoint
CREATE TRIGGER subscriptions_status_changed AFTER UPDATE OF status ON subscriptions
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION kapal_notify_status_changed();
--> statement-breakpoint
CREATE TRIGGER pods_status_created_or_deleted AFTER INSERT OR DELETE ON pods
  FOR EACH ROW EXECUTE FUNCTION kapal_notify_status_changed();
--> statement-breakpoint
CREATE TRIGGER pods_status_changed AFTER UPDATE OF status ON pods
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION kapal_notify_status_changed();
