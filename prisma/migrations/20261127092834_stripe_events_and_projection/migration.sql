-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "objectId" TEXT,
    "objectType" TEXT,
    "apiVersion" TEXT,
    "created" INTEGER NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" TEXT NOT NULL,
    "signatureResult" TEXT NOT NULL,
    "processingResult" TEXT NOT NULL,
    "processingError" TEXT,
    "appliedAt" DATETIME,
    "replayCount" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "StripeCustomer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT,
    "name" TEXT,
    "phone" TEXT,
    "created" INTEGER NOT NULL,
    "isDeleted" BOOLEAN NOT NULL DEFAULT false,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StripePaymentIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "amountReceived" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "customerId" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StripeCharge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "amountRefunded" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "customerId" TEXT,
    "paymentIntentId" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StripeRefund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "chargeId" TEXT,
    "paymentIntentId" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "StripeEvent_receivedAt_idx" ON "StripeEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "StripeEvent_type_receivedAt_idx" ON "StripeEvent"("type", "receivedAt");

-- CreateIndex
CREATE INDEX "StripeEvent_objectId_idx" ON "StripeEvent"("objectId");

-- CreateIndex
CREATE INDEX "StripeCustomer_created_id_idx" ON "StripeCustomer"("created", "id");

-- CreateIndex
CREATE INDEX "StripeCustomer_email_idx" ON "StripeCustomer"("email");

-- CreateIndex
CREATE INDEX "StripePaymentIntent_created_id_idx" ON "StripePaymentIntent"("created", "id");

-- CreateIndex
CREATE INDEX "StripePaymentIntent_status_created_idx" ON "StripePaymentIntent"("status", "created");

-- CreateIndex
CREATE INDEX "StripePaymentIntent_customerId_created_idx" ON "StripePaymentIntent"("customerId", "created");

-- CreateIndex
CREATE INDEX "StripeCharge_created_id_idx" ON "StripeCharge"("created", "id");

-- CreateIndex
CREATE INDEX "StripeCharge_status_created_idx" ON "StripeCharge"("status", "created");

-- CreateIndex
CREATE INDEX "StripeCharge_customerId_created_idx" ON "StripeCharge"("customerId", "created");

-- CreateIndex
CREATE INDEX "StripeCharge_paymentIntentId_idx" ON "StripeCharge"("paymentIntentId");

-- CreateIndex
CREATE INDEX "StripeRefund_created_id_idx" ON "StripeRefund"("created", "id");

-- CreateIndex
CREATE INDEX "StripeRefund_status_created_idx" ON "StripeRefund"("status", "created");

-- CreateIndex
CREATE INDEX "StripeRefund_chargeId_idx" ON "StripeRefund"("chargeId");

-- CreateIndex
CREATE INDEX "StripeRefund_paymentIntentId_idx" ON "StripeRefund"("paymentIntentId");

