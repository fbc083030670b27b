-- CreateTable
CREATE TABLE "ConnectedAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sellerUserId" TEXT,
    "email" TEXT,
    "country" TEXT,
    "businessName" TEXT,
    "detailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
    "chargesEnabled" BOOLEAN NOT NULL DEFAULT false,
    "payoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "cardPaymentsStatus" TEXT,
    "transfersStatus" TEXT,
    "currentlyDue" TEXT NOT NULL DEFAULT '',
    "pastDue" TEXT NOT NULL DEFAULT '',
    "eventuallyDue" TEXT NOT NULL DEFAULT '',
    "disabledReason" TEXT,
    "onboardingStartedAt" DATETIME,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConnectedAccountRequirementChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "eventCreated" INTEGER NOT NULL,
    "added" TEXT NOT NULL,
    "cleared" TEXT NOT NULL,
    "currentlyDue" TEXT NOT NULL,
    "pastDue" TEXT NOT NULL,
    "disabledReason" TEXT,
    "detailsSubmitted" BOOLEAN NOT NULL,
    "chargesEnabled" BOOLEAN NOT NULL,
    "payoutsEnabled" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StripeTransfer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "amount" INTEGER NOT NULL,
    "amountReversed" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "destinationAccountId" TEXT NOT NULL,
    "sourceTransactionId" TEXT,
    "transferGroup" TEXT,
    "destinationPaymentId" TEXT,
    "isReversed" BOOLEAN NOT NULL DEFAULT false,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StripeApplicationFee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "amount" INTEGER NOT NULL,
    "amountRefunded" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "originatingChargeId" TEXT,
    "chargeId" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StripePayout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT,
    "status" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "arrivalDate" INTEGER NOT NULL,
    "failureCode" TEXT,
    "created" INTEGER NOT NULL,
    "updatedFromEventCreated" INTEGER NOT NULL,
    "updatedFromEventId" TEXT,
    "source" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ConnectedAccount_sellerUserId_key" ON "ConnectedAccount"("sellerUserId");

-- CreateIndex
CREATE INDEX "ConnectedAccount_created_id_idx" ON "ConnectedAccount"("created", "id");

-- CreateIndex
CREATE INDEX "ConnectedAccount_detailsSubmitted_onboardingStartedAt_idx" ON "ConnectedAccount"("detailsSubmitted", "onboardingStartedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConnectedAccountRequirementChange_eventId_key" ON "ConnectedAccountRequirementChange"("eventId");

-- CreateIndex
CREATE INDEX "ConnectedAccountRequirementChange_accountId_eventCreated_idx" ON "ConnectedAccountRequirementChange"("accountId", "eventCreated");

-- CreateIndex
CREATE INDEX "StripeTransfer_created_id_idx" ON "StripeTransfer"("created", "id");

-- CreateIndex
CREATE INDEX "StripeTransfer_destinationAccountId_created_idx" ON "StripeTransfer"("destinationAccountId", "created");

-- CreateIndex
CREATE INDEX "StripeTransfer_transferGroup_idx" ON "StripeTransfer"("transferGroup");

-- CreateIndex
CREATE INDEX "StripeTransfer_sourceTransactionId_idx" ON "StripeTransfer"("sourceTransactionId");

-- CreateIndex
CREATE INDEX "StripeApplicationFee_created_id_idx" ON "StripeApplicationFee"("created", "id");

-- CreateIndex
CREATE INDEX "StripeApplicationFee_accountId_created_idx" ON "StripeApplicationFee"("accountId", "created");

-- CreateIndex
CREATE INDEX "StripeApplicationFee_originatingChargeId_idx" ON "StripeApplicationFee"("originatingChargeId");

-- CreateIndex
CREATE INDEX "StripePayout_created_id_idx" ON "StripePayout"("created", "id");

-- CreateIndex
CREATE INDEX "StripePayout_accountId_created_idx" ON "StripePayout"("accountId", "created");

-- CreateIndex
CREATE INDEX "StripePayout_status_created_idx" ON "StripePayout"("status", "created");

