-- AlterTable
ALTER TABLE "StripeRefund" ADD COLUMN "reason" TEXT;

-- CreateTable
CREATE TABLE "StripeDispute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "paymentIntentId" TEXT,
    "evidenceDueBy" INTEGER,
    "hasEvidence" BOOLEAN NOT NULL,
    "submissionCount" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StripeSetupIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "customerId" TEXT,
    "paymentMethodId" TEXT,
    "lastSetupErrorCode" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookDeliveryFailure" (
    "bucket" TEXT NOT NULL PRIMARY KEY,
    "reason" TEXT NOT NULL,
    "skewSeconds" INTEGER,
    "bodyBytes" INTEGER NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "isReserialisedMatch" BOOLEAN NOT NULL DEFAULT false,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "count" INTEGER NOT NULL DEFAULT 1
);

-- CreateTable
CREATE TABLE "SyncState" (
    "objectType" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "cursor" TEXT,
    "done" INTEGER NOT NULL DEFAULT 0,
    "estimated" INTEGER,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "lastError" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PaymentSavedView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PaymentSavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
INSERT INTO "new_StripePaymentIntent" ("amount", "amountReceived", "created", "currency", "customerId", "id", "raw", "source", "status", "updatedAt", "updatedFromEventCreated", "updatedFromEventId") SELECT "amount", "amountReceived", "created", "currency", "customerId", "id", "raw", "source", "status", "updatedAt", "updatedFromEventCreated", "updatedFromEventId" FROM "StripePaymentIntent";
DROP TABLE "StripePaymentIntent";
ALTER TABLE "new_StripePaymentIntent" RENAME TO "StripePaymentIntent";
CREATE INDEX "StripePaymentIntent_created_id_idx" ON "StripePaymentIntent"("created", "id");
CREATE INDEX "StripePaymentIntent_status_created_id_idx" ON "StripePaymentIntent"("status", "created", "id");
CREATE INDEX "StripePaymentIntent_customerId_created_id_idx" ON "StripePaymentIntent"("customerId", "created", "id");
CREATE INDEX "StripePaymentIntent_currency_created_id_idx" ON "StripePaymentIntent"("currency", "created", "id");
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
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_StripeCharge" ("amount", "amountRefunded", "created", "currency", "customerId", "id", "paymentIntentId", "raw", "source", "status", "updatedAt", "updatedFromEventCreated", "updatedFromEventId") SELECT "amount", "amountRefunded", "created", "currency", "customerId", "id", "paymentIntentId", "raw", "source", "status", "updatedAt", "updatedFromEventCreated", "updatedFromEventId" FROM "StripeCharge";
DROP TABLE "StripeCharge";
ALTER TABLE "new_StripeCharge" RENAME TO "StripeCharge";
CREATE INDEX "StripeCharge_created_id_idx" ON "StripeCharge"("created", "id");
CREATE INDEX "StripeCharge_status_created_idx" ON "StripeCharge"("status", "created");
CREATE INDEX "StripeCharge_customerId_created_idx" ON "StripeCharge"("customerId", "created");
CREATE INDEX "StripeCharge_paymentIntentId_idx" ON "StripeCharge"("paymentIntentId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "StripeDispute_created_id_idx" ON "StripeDispute"("created", "id");

-- CreateIndex
CREATE INDEX "StripeDispute_status_evidenceDueBy_idx" ON "StripeDispute"("status", "evidenceDueBy");

-- CreateIndex
CREATE INDEX "StripeDispute_chargeId_idx" ON "StripeDispute"("chargeId");

-- CreateIndex
CREATE INDEX "StripeDispute_paymentIntentId_idx" ON "StripeDispute"("paymentIntentId");

-- CreateIndex
CREATE INDEX "StripeSetupIntent_created_id_idx" ON "StripeSetupIntent"("created", "id");

-- CreateIndex
CREATE INDEX "StripeSetupIntent_status_created_idx" ON "StripeSetupIntent"("status", "created");

-- CreateIndex
CREATE INDEX "StripeSetupIntent_customerId_created_idx" ON "StripeSetupIntent"("customerId", "created");

-- CreateIndex
CREATE INDEX "StripeSetupIntent_paymentMethodId_idx" ON "StripeSetupIntent"("paymentMethodId");

-- CreateIndex
CREATE INDEX "WebhookDeliveryFailure_lastSeenAt_idx" ON "WebhookDeliveryFailure"("lastSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentSavedView_userId_name_key" ON "PaymentSavedView"("userId", "name");

