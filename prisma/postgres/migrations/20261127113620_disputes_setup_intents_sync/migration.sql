-- DropIndex
DROP INDEX "StripePaymentIntent_status_created_idx";

-- DropIndex
DROP INDEX "StripePaymentIntent_customerId_created_idx";

-- AlterTable
ALTER TABLE "StripePaymentIntent" ADD COLUMN     "amountCapturable" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "amountRefunded" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "captureMethod" TEXT NOT NULL DEFAULT 'automatic',
ADD COLUMN     "createdDay" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "isDisputed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "latestChargeId" TEXT,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "StripeCharge" ADD COLUMN     "isDisputed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "StripeRefund" ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "StripeDispute" (
    "id" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeDispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeSetupIntent" (
    "id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "customerId" TEXT,
    "paymentMethodId" TEXT,
    "lastSetupErrorCode" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeSetupIntent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDeliveryFailure" (
    "bucket" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "skewSeconds" INTEGER,
    "bodyBytes" INTEGER NOT NULL,
    "bodySha256" TEXT NOT NULL,
    "isReserialisedMatch" BOOLEAN NOT NULL DEFAULT false,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "WebhookDeliveryFailure_pkey" PRIMARY KEY ("bucket")
);

-- CreateTable
CREATE TABLE "SyncState" (
    "objectType" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "cursor" TEXT,
    "done" INTEGER NOT NULL DEFAULT 0,
    "estimated" INTEGER,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncState_pkey" PRIMARY KEY ("objectType")
);

-- CreateTable
CREATE TABLE "PaymentSavedView" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentSavedView_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "StripePaymentIntent_status_created_id_idx" ON "StripePaymentIntent"("status", "created", "id");

-- CreateIndex
CREATE INDEX "StripePaymentIntent_customerId_created_id_idx" ON "StripePaymentIntent"("customerId", "created", "id");

-- CreateIndex
CREATE INDEX "StripePaymentIntent_currency_created_id_idx" ON "StripePaymentIntent"("currency", "created", "id");

-- CreateIndex
CREATE INDEX "StripePaymentIntent_latestChargeId_idx" ON "StripePaymentIntent"("latestChargeId");

-- AddForeignKey
ALTER TABLE "PaymentSavedView" ADD CONSTRAINT "PaymentSavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

