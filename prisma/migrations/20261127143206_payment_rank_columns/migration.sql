-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StripePaymentIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "amountReceived" INTEGER NOT NULL,
    "amountCapturable" INTEGER NOT NULL DEFAULT 0,
    "amountRefunded" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL,
    "customerId" TEXT,
    "description" TEXT,
    "captureMethod" TEXT NOT NULL DEFAULT 'automatic',
    "latestChargeId" TEXT,
    "statusRank" INTEGER NOT NULL DEFAULT 0,
    "isDisputed" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    "created" INTEGER NOT NULL,
    "createdDay" INTEGER NOT NULL DEFAULT 0,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_StripePaymentIntent" ("amount", "amountCapturable", "amountReceived", "amountRefunded", "captureMethod", "created", "createdDay", "currency", "customerId", "description", "id", "isDisputed", "latestChargeId", "raw", "searchText", "source", "status", "updatedAt", "updatedFromEventCreated", "updatedFromEventId") SELECT "amount", "amountCapturable", "amountReceived", "amountRefunded", "captureMethod", "created", "createdDay", "currency", "customerId", "description", "id", "isDisputed", "latestChargeId", "raw", "searchText", "source", "status", "updatedAt", "updatedFromEventCreated", "updatedFromEventId" FROM "StripePaymentIntent";
DROP TABLE "StripePaymentIntent";
ALTER TABLE "new_StripePaymentIntent" RENAME TO "StripePaymentIntent";
CREATE INDEX "StripePaymentIntent_created_id_searchText_idx" ON "StripePaymentIntent"("created", "id", "searchText");
CREATE INDEX "StripePaymentIntent_status_created_id_idx" ON "StripePaymentIntent"("status", "created", "id");
CREATE INDEX "StripePaymentIntent_customerId_created_id_idx" ON "StripePaymentIntent"("customerId", "created", "id");
CREATE INDEX "StripePaymentIntent_currency_created_id_idx" ON "StripePaymentIntent"("currency", "created", "id");
CREATE INDEX "StripePaymentIntent_currency_amount_status_created_id_idx" ON "StripePaymentIntent"("currency", "amount", "status", "created", "id");
CREATE INDEX "StripePaymentIntent_latestChargeId_idx" ON "StripePaymentIntent"("latestChargeId");
CREATE TABLE "new_StripeCharge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "amountRefunded" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "customerId" TEXT,
    "paymentIntentId" TEXT,
    "isDisputed" BOOLEAN NOT NULL DEFAULT false,
    "captured" BOOLEAN NOT NULL DEFAULT false,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_StripeCharge" ("amount", "amountRefunded", "created", "currency", "customerId", "id", "isDisputed", "paymentIntentId", "raw", "source", "status", "updatedAt", "updatedFromEventCreated", "updatedFromEventId") SELECT "amount", "amountRefunded", "created", "currency", "customerId", "id", "isDisputed", "paymentIntentId", "raw", "source", "status", "updatedAt", "updatedFromEventCreated", "updatedFromEventId" FROM "StripeCharge";
DROP TABLE "StripeCharge";
ALTER TABLE "new_StripeCharge" RENAME TO "StripeCharge";
CREATE INDEX "StripeCharge_created_id_idx" ON "StripeCharge"("created", "id");
CREATE INDEX "StripeCharge_status_created_idx" ON "StripeCharge"("status", "created");
CREATE INDEX "StripeCharge_customerId_created_idx" ON "StripeCharge"("customerId", "created");
CREATE INDEX "StripeCharge_paymentIntentId_idx" ON "StripeCharge"("paymentIntentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Existing rows: the ranks the webhook handlers now read from these columns, taken from each row's raw object.
UPDATE "StripePaymentIntent" SET "statusRank" = CASE
    WHEN "status" = 'requires_payment_method' AND json_extract("raw", '$.last_payment_error') IS NOT NULL THEN 3
    WHEN "status" = 'requires_confirmation' THEN 1
    WHEN "status" = 'requires_action' THEN 2
    WHEN "status" = 'processing' THEN 4
    WHEN "status" = 'requires_capture' THEN 5
    WHEN "status" IN ('succeeded', 'canceled') THEN 6
    ELSE 0 END;
UPDATE "StripeCharge" SET "captured" = COALESCE(json_extract("raw", '$.captured'), 0);
