-- Every committed change to the catalog (categories, services, plans) tells the API processes, so their
-- in-memory public catalog (src/modules/catalog/catalog-cache.ts) is dropped and rebuilt from PostgreSQL.
-- Triggers rather than NOTIFY calls in the service: the seed, manual SQL and any other writer are caught too.
-- Statement-level, so a bulk change notifies once per statement (and NOTIFY folds identical payloads within
-- a transaction); TRUNCATE is covered. NOTIFY is transactional: delivered on commit, never on rollback.
CREATE OR REPLACE FUNCTION kapal_notify_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kapal_catalog_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER categories_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION kapal_notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER services_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services
  FOR EACH STATEMENT EXECUTE FUNCTION kapal_notify_catalog_changed();
--> statement-breakpoint
CREATE TRIGGER plans_catalog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION kapal_notify_catalog_changed();
