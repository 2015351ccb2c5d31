// Generated from openapi.json by `npm run openapi`. Do not edit.

export interface paths {
    "/api/v1/analytics/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send anonymized usage events (page views, features used)
         * @description Only with analytics consent: `consentId` must be one whose latest logged cookie choice accepts `analytics` for the current cookie policy revision, otherwise 403 `analytics-consent-required`. Names are route patterns (/contacts/:id) or feature names, never ids or query strings. Stored with the organization, the day, the browser family and a daily session hash only: no user, no address, no user agent, no consent id. The hash is keyed with a random salt of the day that is deleted after 48 hours.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["recordUsageEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage of the product over time: pages visited and features used per day
         * @description From the anonymized daily counts of your organization (rolled up nightly, so today and events not yet rolled up are not in them). `from` and `to` are UTC days, inclusive, at most 400 days apart. Sessions are one browser on one day; nothing here identifies a person.
         *
         *     **Requires permission `analytics:read`** (roles owner, admin), or an API key with the `analytics:read` scope.
         */
        get: operations["getUsageReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API keys of your organization (never their secrets)
         * @description Newest first; with `updatedSince`, oldest change first. A use and a revocation change a key; reaching `expiresAt` does not.
         *
         *     **Requires permission `api-keys:manage`** (roles owner, admin), people only: API keys cannot call it.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key; the secret is in this answer only
         * @description **Requires permission `api-keys:manage`** (roles owner, admin), people only: API keys cannot call it.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One API key (never its secret)
         * @description **Requires permission `api-keys:manage`** (roles owner, admin), people only: API keys cannot call it.
         */
        get: operations["getApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key at once
         * @description **Requires permission `api-keys:manage`** (roles owner, admin), people only: API keys cannot call it.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every action the trail records
         * @description **Requires permission `audit:read`** (roles owner, admin, privacy_officer), or an API key with the `audit:read` scope.
         *
         *     No `updatedSince`: A fixed catalogue of action names.
         */
        get: operations["listAuditActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, newest first
         * @description Filter by time, actor, action (or a family such as `auth.`), target and outcome; cursor-paginated.
         *
         *     **Requires permission `audit:read`** (roles owner, admin, privacy_officer), or an API key with the `audit:read` scope.
         *
         *     No `updatedSince`: Entries never change: read what is new with `from` (the entry time), then page by cursor.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/entries/{seq}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One entry, by its position in the chain
         * @description **Requires permission `audit:read`** (roles owner, admin, privacy_officer), or an API key with the `audit:read` scope.
         */
        get: operations["getAuditEntry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/entries/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every matching entry as CSV or JSON (same filters as the list)
         * @description The export is itself recorded in the trail.
         *
         *     **Requires permission `audit:read`** (roles owner, admin, privacy_officer), or an API key with the `audit:read` scope.
         */
        get: operations["exportAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the integrity of your organization's trail
         * @description Recomputes the hash chain from the last retention checkpoint to the newest entry and reports the first entry that was altered, removed or reordered. The check itself is recorded.
         *
         *     **Requires permission `audit:read`** (roles owner, admin, privacy_officer), or an API key with the `audit:read` scope.
         */
        post: operations["verifyAuditTrail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/email-change/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a new email address with the emailed token
         * @description **Access:** public, no credentials needed.
         */
        post: operations["confirmEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: pass the age gate and choose a password
         * @description Under the organization's minimum age the answer is 403 `under-minimum-age` and the invitation is deleted with everything it held. Afterwards, sign in as usual.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/invitations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * What an invitation link is for: organization, name, role, minimum age
         * @description **Access:** public, no credentials needed.
         */
        post: operations["previewInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-step verification off (password and a code; refused if the organization requires it)
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up two-step verification: a secret and its QR code
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["startEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/enrolment/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish set-up with a first code; answers the recovery codes, once
         * @description Refresh the session afterwards to lift an organization’s enrolment restriction.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["confirmEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new set of recovery codes (password and a current code); the old set stops working
         * @description Answers the ten new codes once. Counted with sign-ins for the rate limit (the stricter per-address budget).
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["regenerateRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password-reset link (answers the same whether or not the account exists)
         * @description **Access:** public, no credentials needed.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the emailed token; signs out every session
         * @description **Access:** public, no credentials needed.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the refresh cookie for a new access token
         * @description Rotates the refresh token. Replaying an already-rotated token revokes the whole session.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["refreshSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The devices you are signed in on
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         *
         *     No `updatedSince`: Your own sessions, a short list read whole; sessions are not records.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Sign one device out
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/revoke-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out everywhere, this device included
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["revokeAllSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Answers an access token and sets the refresh cookie (httpOnly) and the CSRF cookie. An unknown email and a wrong password get the same 401 `invalid-credentials`. After repeated failures the email (and the client address) is locked out for a growing time: 429 `sign-in-locked`.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second step of sign-in: a code from the authenticator app, or a recovery code
         * @description Wrong codes count towards the same lockout as wrong passwords.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["completeSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: ends this session and clears its cookies
         * @description **Access:** public, no credentials needed.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an organization with you as its owner
         * @description Asks a date of birth or an age confirmation: under the minimum age (18 for a new organization) the answer is 403 `under-minimum-age` and nothing is kept. Otherwise answers 202 and emails a confirmation link; an address that already has an account gets a note instead, with the same answer here.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the emailed token
         * @description **Access:** public, no credentials needed.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a new confirmation link (the same answer whether or not the account exists)
         * @description **Access:** public, no credentials needed.
         */
        post: operations["resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/branches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Branches of your organization
         * @description By name; with `updatedSince`, oldest change first.
         *
         *     **Requires permission `branches:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `branches:read` scope.
         */
        get: operations["listBranches"];
        put?: never;
        /**
         * Add a branch
         * @description **Requires permission `branches:write`** (roles owner, admin), or an API key with the `branches:write` scope.
         */
        post: operations["createBranch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/branches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One branch
         * @description **Requires permission `branches:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `branches:read` scope.
         */
        get: operations["getBranch"];
        put?: never;
        post?: never;
        /**
         * Delete a branch; its people keep their other branches
         * @description **Requires permission `branches:write`** (roles owner, admin), or an API key with the `branches:write` scope.
         */
        delete: operations["deleteBranch"];
        options?: never;
        head?: never;
        /**
         * Rename a branch
         * @description **Requires permission `branches:write`** (roles owner, admin), or an API key with the `branches:write` scope.
         */
        patch: operations["updateBranch"];
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Clients, newest first
         * @description Cursor-paginated. `q` finds words (and word beginnings) in names, emails, company names, cities and postcodes, and the last digits of phone numbers, without the server ever storing them in clear.
         *
         *     **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         */
        get: operations["listClients"];
        put?: never;
        /**
         * Add a client
         * @description **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One client
         * @description **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         */
        get: operations["getClient"];
        put?: never;
        post?: never;
        /**
         * Delete a client
         * @description Its jobs, appointments and communications go too; its invoices stay (they are kept for 7 years).
         *
         *     **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        delete: operations["deleteClient"];
        options?: never;
        head?: never;
        /**
         * Change a client
         * @description Send the `version` you read; a stale one answers 409.
         *
         *     **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        patch: operations["updateClient"];
        trace?: never;
    };
    "/api/v1/clients/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who created and changed the client, and which fields (never the values)
         * @description **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         *
         *     No `updatedSince`: Activity entries never change; the record’s own `updatedAt` says when it did.
         */
        get: operations["getClientActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A client’s balance, per currency
         * @description Outstanding (issued, not paid in full), overdue (of that, past the due date), paid (every payment received) and counts, over the invoices of your branches. 404 for a client you cannot see.
         *
         *     **Requires permission `invoices:read`** (roles owner, admin, manager, viewer), or an API key with the `invoices:read` scope.
         */
        get: operations["getClientBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/restriction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Restrict processing of the client (GDPR Art. 18)
         * @description The client becomes read-only (changes answer 409) and is left out of marketing lists and exports until the restriction is lifted. Audited with the reason code; announced as the `subject.restricted` webhook. Idempotent: restricting a restricted client changes nothing.
         *
         *     **Requires permission `restrictions:write`** (roles owner, admin, privacy_officer), or an API key with the `restrictions:write` scope.
         */
        put: operations["restrictClient"];
        post?: never;
        /**
         * Lift the restriction of processing of the client
         * @description Audited; announced as the `subject.restricted` webhook with `restricted: false`. Idempotent.
         *
         *     **Requires permission `restrictions:write`** (roles owner, admin, privacy_officer), or an API key with the `restrictions:write` scope.
         */
        delete: operations["liftClientRestriction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The communication timeline, newest first
         * @description With `clientId`: the client's timeline, its contacts' calls and emails included. With `contactId`: one person's.
         *
         *     **Requires permission `communications:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `communications:read` scope.
         */
        get: operations["listCommunications"];
        put?: never;
        /**
         * Log a call, email, meeting or note with a client and/or contact
         * @description **Requires permission `communications:write`** (roles owner, admin, manager, agent), or an API key with the `communications:write` scope.
         */
        post: operations["createCommunication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/communications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One communication
         * @description **Requires permission `communications:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `communications:read` scope.
         */
        get: operations["getCommunication"];
        put?: never;
        post?: never;
        /**
         * Delete a communication (agents: only their own)
         * @description **Requires permission `communications:write`** (roles owner, admin, manager, agent), or an API key with the `communications:write` scope.
         */
        delete: operations["deleteCommunication"];
        options?: never;
        head?: never;
        /**
         * Correct a communication (agents: only their own)
         * @description **Requires permission `communications:write`** (roles owner, admin, manager, agent), or an API key with the `communications:write` scope.
         */
        patch: operations["updateCommunication"];
        trace?: never;
    };
    "/api/v1/consent-purposes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The consent purposes of the organization
         * @description Every new organization starts with marketing-email, marketing-sms, marketing-phone and profiling. By name; with `updatedSince`, oldest change first, archived purposes included (archiving is a change).
         *
         *     **Requires permission `consents:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `consents:read` scope.
         */
        get: operations["listConsentPurposes"];
        put?: never;
        /**
         * Add a consent purpose, with its first wording
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), or an API key with the `privacy-policy:write` scope.
         */
        post: operations["createConsentPurpose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-purposes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One consent purpose with every wording version
         * @description **Requires permission `consents:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `consents:read` scope.
         */
        get: operations["getConsentPurpose"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a purpose
         * @description A new `wording` becomes the next wording version; earlier versions stay, since ledger entries point at the exact words shown. The key cannot change. Send the `version` you read; a stale one answers 409.
         *
         *     **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), or an API key with the `privacy-policy:write` scope.
         */
        patch: operations["updateConsentPurpose"];
        trace?: never;
    };
    "/api/v1/consent-purposes/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a purpose: nothing new is granted for it; its ledger entries stay
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), or an API key with the `privacy-policy:write` scope.
         */
        post: operations["archiveConsentPurpose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Consent rates by purpose over time
         * @description Per day or week and purpose: contacts whose latest entry at the end of the period is a valid basis, out of the contacts with any entry for the purpose by then.
         *
         *     **Requires permission `consents:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `consents:read` scope.
         */
        get: operations["getConsentRates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent/cookies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a visitor’s cookie choice as proof of consent
         * @description For visitors who are not signed in (signed-in users post to /me/cookie-consent). The server records its own time and the network of the caller (IPv4 /24, IPv6 /48), never the full address. `essential` must be accepted; an unknown category is refused with 400 naming it.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["recordCookieChoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent/cookies/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cookie categories and the cookie policy revision in force
         * @description A choice made for an earlier revision is asked again.
         *
         *     **Access:** public, no credentials needed.
         */
        get: operations["getCookiePolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contact lists: static ones and saved filters. Read members with GET /contacts?listId=
         * @description By name; with `updatedSince`, oldest change first. A list changes with its own fields (name, filter, purpose): adding or removing members does not, so sync members through `GET /contacts?listId=`.
         *
         *     **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         */
        get: operations["listContactLists"];
        put?: never;
        /**
         * Make a contact list
         * @description **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        post: operations["createContactList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One contact list
         * @description **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         */
        get: operations["getContactList"];
        put?: never;
        post?: never;
        /**
         * Delete a list (its contacts stay)
         * @description **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        delete: operations["deleteContactList"];
        options?: never;
        head?: never;
        /**
         * Rename a list or change a saved filter's criteria
         * @description **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        patch: operations["updateContactList"];
        trace?: never;
    };
    "/api/v1/contact-lists/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add contacts to a static list (already-members are ignored)
         * @description **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        post: operations["addContactListMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contact-lists/{id}/members/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take a contact off a static list
         * @description **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        delete: operations["removeContactListMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contacts, newest first
         * @description Cursor-paginated. `q` finds words (and word beginnings) in names, emails, job titles, cities and postcodes, and the last digits of phone numbers. `listId` gives the contacts of a contact list.
         *
         *     **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         */
        get: operations["listContacts"];
        put?: never;
        /**
         * Add a contact
         * @description **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{contactId}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A contact's consents: the state per purpose and the ledger
         * @description The state of a purpose is its latest entry; `validBasis` is true when that is `granted` or `confirmed` (a `pending` double opt-in is not a basis until confirmed).
         *
         *     **Requires permission `consents:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `consents:read` scope.
         */
        get: operations["getContactConsents"];
        put?: never;
        /**
         * Record a grant, withdrawal or objection
         * @description Appends an entry to the ledger; nothing is overwritten. A withdrawal or objection takes effect at once: lists used for the purpose and exports with `purpose` no longer include the contact.
         *
         *     **Requires permission `consents:write`** (roles owner, admin, privacy_officer, manager, agent), or an API key with the `consents:write` scope.
         */
        post: operations["recordContactConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{contactId}/consents/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the consent receipt (JSON)
         * @description Every entry with the exact wording shown; `format` names the document version.
         *
         *     **Requires permission `consents:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `consents:read` scope.
         */
        get: operations["getContactConsentReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One contact
         * @description **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         */
        get: operations["getContact"];
        put?: never;
        post?: never;
        /**
         * Delete a contact and the communications logged with them
         * @description **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Change a contact
         * @description Send the `version` you read; a stale one answers 409.
         *
         *     **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/api/v1/contacts/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who created and changed the contact, and which fields (never the values)
         * @description **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         *
         *     No `updatedSince`: Activity entries never change; the record’s own `updatedAt` says when it did.
         */
        get: operations["getContactActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/{id}/restriction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Restrict processing of the contact (GDPR Art. 18)
         * @description The contact becomes read-only (changes answer 409) and is left out of marketing lists and exports until the restriction is lifted. Audited with the reason code; announced as the `subject.restricted` webhook. Idempotent: restricting a restricted contact changes nothing.
         *
         *     **Requires permission `restrictions:write`** (roles owner, admin, privacy_officer), or an API key with the `restrictions:write` scope.
         */
        put: operations["restrictContact"];
        post?: never;
        /**
         * Lift the restriction of processing of the contact
         * @description Audited; announced as the `subject.restricted` webhook with `restricted: false`. Idempotent.
         *
         *     **Requires permission `restrictions:write`** (roles owner, admin, privacy_officer), or an API key with the `restrictions:write` scope.
         */
        delete: operations["liftContactRestriction"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The filtered contacts as CSV (same filters as the list; all pages)
         * @description UTF-8 with a byte-order mark (Excel opens it right). The client, branch and owner are named, not given by id; cells a spreadsheet would run as a formula start with an apostrophe. The import reads the file back.
         *
         *     **Requires permission `clients:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `clients:read` scope.
         */
        get: operations["exportContacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contacts/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import contacts from CSV
         * @description Each row is validated on its own; valid rows are created together, invalid ones are reported with their row number and field. Large files: send chunks with `firstRow` so row numbers stay right. `dryRun` only validates.
         *
         *     **Requires permission `clients:write`** (roles owner, admin, manager, agent), or an API key with the `clients:write` scope.
         */
        post: operations["importContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an access export of a data subject
         * @description Every category the personal-data registry lists for the subject, as a ZIP built in the background (manifest.json, JSON per category, CSV for tabular ones). The answer carries the download link once; hand it to the person only after verifying them. 404 when the organization holds no data about the subject.
         *
         *     **Requires permission `exports:write`** (roles owner, admin, privacy_officer), or an API key with the `exports:write` scope.
         */
        post: operations["startDataExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An access export’s status and progress
         * @description **Requires permission `exports:read`** (roles owner, admin, privacy_officer), or an API key with the `exports:read` scope.
         */
        get: operations["getDataExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/data-exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an access export with its link
         * @description The decrypted ZIP. 404 for an unknown export or a wrong token, 409 while it is being built, 410 once the link has expired and the file was deleted.
         *
         *     **Access:** public, no credentials needed.
         */
        get: operations["downloadDataExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process is up
         * @description **Access:** public, no credentials needed.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Background jobs: failed and dead-lettered counts and the last error per job
         * @description Counts and error lines only; job payloads (ids) are not shown.
         *
         *     **Requires permission `operations:read`** (roles owner, admin), or an API key with the `operations:read` scope.
         */
        get: operations["getHealthDetails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database answers and the process is not draining
         * @description **Access:** public, no credentials needed.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invoices, newest first
         * @description Cursor-paginated. `overdue=true` keeps issued invoices whose due date has passed. With payments:write alone (agents), only invoices of jobs assigned to you.
         *
         *     **Requires permission `invoices:read` or `payments:write`** (roles owner, admin, manager, agent, viewer), or an API key with the `invoices:read` scope.
         */
        get: operations["listInvoices"];
        put?: never;
        /**
         * Draft an invoice
         * @description Numbered at once; priced with the tax policy in effect on `issueDate` (today if none) as a preview. The bill-to name, email and address are copied from the client. 409 for a client whose processing is restricted.
         *
         *     **Requires permission `invoices:write`** (roles owner, admin, manager), or an API key with the `invoices:write` scope.
         */
        post: operations["createInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One invoice
         * @description With payments:write alone (agents), only an invoice of a job assigned to you; 404 otherwise.
         *
         *     **Requires permission `invoices:read` or `payments:write`** (roles owner, admin, manager, agent, viewer), or an API key with the `invoices:read` scope.
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        /**
         * Delete a draft
         * @description Issued invoices are kept for 7 years: void them instead.
         *
         *     **Requires permission `invoices:write`** (roles owner, admin, manager), or an API key with the `invoices:write` scope.
         */
        delete: operations["deleteInvoice"];
        options?: never;
        head?: never;
        /**
         * Change a draft
         * @description Send the `version` you read; a stale one answers 409. Issued invoices cannot change (409).
         *
         *     **Requires permission `invoices:write`** (roles owner, admin, manager), or an API key with the `invoices:write` scope.
         */
        patch: operations["updateInvoice"];
        trace?: never;
    };
    "/api/v1/invoices/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who created, changed, issued and voided the invoice, and which fields
         * @description **Requires permission `invoices:read`** (roles owner, admin, manager, viewer), or an API key with the `invoices:read` scope.
         *
         *     No `updatedSince`: Activity entries never change; the record’s own `updatedAt` says when it did.
         */
        get: operations["getInvoiceActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a draft
         * @description Issue date today unless given, due date 30 days later unless given. The tax policy in effect on the issue date is applied and the totals frozen; a completed job moves to invoiced.
         *
         *     **Requires permission `invoices:write`** (roles owner, admin, manager), or an API key with the `invoices:write` scope.
         */
        post: operations["issueInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments of an invoice, oldest first
         * @description **Requires permission `invoices:read` or `payments:write`** (roles owner, admin, manager, agent, viewer), or an API key with the `invoices:read` scope.
         *
         *     No `updatedSince`: Payments never change. Recording one changes its invoice, so `GET /invoices?updatedSince=` finds the invoices to read again.
         */
        get: operations["listInvoicePayments"];
        put?: never;
        /**
         * Record a payment
         * @description Issued invoices only. More than the balance is refused (409); reaching the total marks the invoice paid. With payments:write alone (agents), only on invoices of jobs assigned to you (404 for others).
         *
         *     **Requires permission `invoices:write` or `payments:write`** (roles owner, admin, manager, agent), or an API key with the `invoices:write` scope.
         */
        post: operations["recordInvoicePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice as a PDF
         * @description A4, made on request and never stored (it holds the bill-to details). A draft says DRAFT in its title and across every page; void and paid invoices are stamped too. Whoever may read the invoice may download it.
         *
         *     **Requires permission `invoices:read` or `payments:write`** (roles owner, admin, manager, agent, viewer), or an API key with the `invoices:read` scope.
         */
        get: operations["getInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email the invoice to its bill-to address, with the PDF attached
         * @description `email` says whether the mail server took it (`sent`), did not answer so it waits sealed in the outbox and is retried (`queued`), or refused it (`failed`); the invoice records when and how (`emailedAt`, `emailDelivery`). 409 for a draft, a void invoice, or a bill-to copy without an email address.
         *
         *     **Requires permission `invoices:write`** (roles owner, admin, manager), or an API key with the `invoices:write` scope.
         */
        post: operations["sendInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void an issued invoice
         * @description Paid invoices cannot be voided (409).
         *
         *     **Requires permission `invoices:write`** (roles owner, admin, manager), or an API key with the `invoices:write` scope.
         */
        post: operations["voidInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price lines without saving
         * @description The totals an invoice of the branch dated `date` would have: for live totals in an invoice editor.
         *
         *     **Requires permission `invoices:read`** (roles owner, admin, manager, viewer), or an API key with the `invoices:read` scope.
         */
        post: operations["quoteInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jobs, newest first
         * @description Cursor-paginated. Filter by `status` and `priority` (one or several, comma-separated), `clientId`, `assigneeId` (`me` for yours) and `branchId`. Titles are encrypted at rest, so there is no text search.
         *
         *     **Requires permission `jobs:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `jobs:read` scope.
         */
        get: operations["listJobs"];
        put?: never;
        /**
         * Open a job for a client
         * @description The job gets the next number of the organization and starts as `new`, in the client’s branch.
         *
         *     **Requires permission `jobs:write`** (roles owner, admin, manager, agent), or an API key with the `jobs:write` scope.
         */
        post: operations["createJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One job
         * @description **Requires permission `jobs:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `jobs:read` scope.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        /**
         * Delete a job
         * @description Only new or cancelled jobs (409 otherwise); their visits go too.
         *
         *     **Requires permission `jobs:write`** (roles owner, admin, manager, agent), or an API key with the `jobs:write` scope.
         */
        delete: operations["deleteJob"];
        options?: never;
        head?: never;
        /**
         * Change a job
         * @description Send the `version` you read; a stale one answers 409. The status changes through /status.
         *
         *     **Requires permission `jobs:write`** (roles owner, admin, manager, agent), or an API key with the `jobs:write` scope.
         */
        patch: operations["updateJob"];
        trace?: never;
    };
    "/api/v1/jobs/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who created and changed the job, and which fields (never the values)
         * @description **Requires permission `jobs:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `jobs:read` scope.
         *
         *     No `updatedSince`: Activity entries never change; the record’s own `updatedAt` says when it did.
         */
        get: operations["getJobActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a job along its workflow
         * @description new → scheduled → in_progress → completed → invoiced; cancelled from new, scheduled or in_progress. Any other move answers 409 with the allowed next states in `allowed`. Completing sets `completedAt`.
         *
         *     **Requires permission `jobs:write`** (roles owner, admin, manager, agent), or an API key with the `jobs:write` scope.
         */
        post: operations["changeJobStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The jobs board
         * @description How many jobs are in each status, and the 50 newest jobs of each open status.
         *
         *     **Requires permission `jobs:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `jobs:read` scope.
         */
        get: operations["getJobBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Legal holds of your organization, newest first (active and released)
         * @description **Requires permission `legal-holds:read`** (roles owner, admin, privacy_officer), or an API key with the `legal-holds:read` scope.
         *
         *     No `updatedSince`: Holds have no update time (setting and releasing are stamped): filter by `active`.
         */
        get: operations["listLegalHolds"];
        put?: never;
        /**
         * Set a legal hold on your organization, a data subject or a record
         * @description While the hold is active no retention rule purges what it covers and no erasure of a covered subject proceeds (it waits and resumes on release). Subjects: client, contact, user. Records: the kinds `targetKind` lists in a 400 answer (invoice, job, communication…).
         *
         *     **Requires permission `legal-holds:write`** (roles owner, admin, privacy_officer), or an API key with the `legal-holds:write` scope.
         */
        post: operations["createLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-holds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One legal hold
         * @description **Requires permission `legal-holds:read`** (roles owner, admin, privacy_officer), or an API key with the `legal-holds:read` scope.
         */
        get: operations["getLegalHold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/legal-holds/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a legal hold (it stays on record); what it kept is purged by the next run if expired
         * @description **Requires permission `legal-holds:write`** (roles owner, admin, privacy_officer), or an API key with the `legal-holds:write` scope.
         */
        post: operations["releaseLegalHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/cookie-consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your latest cookie choice, from any device
         * @description The app applies it on a new device without asking again when it is for the current revision.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        get: operations["getMyCookieConsent"];
        put?: never;
        /**
         * Log your cookie choice as proof of consent
         * @description As the public endpoint, and the entry also names you and your organization, so your other devices can apply it.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["recordMyCookieChoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/data-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export all your data
         * @description Builds a ZIP of every category of personal data held about you, in the background; follow its progress with GET /me/data-exports/{id}. 409 while an earlier one is still being built.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["startMyDataExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/data-exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your data exports, newest first
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         *
         *     No `updatedSince`: Your own exports, a short list read whole.
         */
        get: operations["listMyDataExports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/data-exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your data exports: status and progress
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        get: operations["getMyDataExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/data-exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download one of your data exports
         * @description 409 while it is being built, 410 once it has expired and its file was deleted.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        get: operations["downloadMyDataExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/privacy-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current policy version, the one you accepted, and whether you must accept it
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        get: operations["status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/privacy-policy/acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the current version (send the number you read; another number is refused with 409)
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/privacy-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your privacy requests and where each stands
         * @description Newest first (the latest 100); with `updatedSince`, oldest change first.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        get: operations["listMyPrivacyRequests"];
        put?: never;
        /**
         * File a privacy request as yourself
         * @description You are signed in, so no email verification is needed: the request is received at once.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["createMyPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/privacy-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your privacy requests and where it stands
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        get: operations["getMyPrivacyRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/privacy-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw one of your own requests while it is still open
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["cancelMyPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operator/organizations/{organizationId}/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set an organization's subscription state and end date (operator billing integration)
         * @description **Requires permission `subscriptions:manage`** (held by no role), or an API key with the `subscriptions:manage` scope.
         */
        put: operations["setOrganizationSubscription"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your organization and its settings
         * @description **Requires permission `organization:read`** (roles owner, admin, privacy_officer, manager, agent, viewer), or an API key with the `organization:read` scope.
         */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change organization settings (minimum user age, MFA, session lifetimes)
         * @description **Requires permission `organization:update`** (roles owner, admin), or an API key with the `organization:update` scope.
         */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/api/v1/organization/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Subscription state, end date, and the purge date once it has ended or been terminated
         * @description **Requires permission `subscription:read`** (roles owner, admin), or an API key with the `subscription:read` scope.
         */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/subscription/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a termination back before the purge: the subscription returns to its earlier state
         * @description **Requires permission `subscription:terminate`** (roles owner), people only: API keys cannot call it.
         */
        post: operations["restoreSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organization/subscription/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate the contract: the organization's data is deleted after the retention period unless restored
         * @description **Requires permission `subscription:terminate`** (roles owner), people only: API keys cannot call it.
         */
        post: operations["terminateSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The request desk: requests newest first, with deadlines
         * @description `daysLeft` and `overdue` follow the server clock. Filters: status, type, assignee (`me`), `overdue=true`; `q` is an email address (matched by blind index) or a request id.
         *
         *     **Requires permission `requests:read`** (roles owner, admin, privacy_officer), or an API key with the `requests:read` scope.
         */
        get: operations["listPrivacyRequests"];
        put?: never;
        /**
         * Log a request received by email, phone, post or in person
         * @description Say how the requester’s identity was checked; the request is received at once and acknowledged by email.
         *
         *     **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["logPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One request: details, candidate matches and its history
         * @description **Requires permission `requests:read`** (roles owner, admin, privacy_officer), or an API key with the `requests:read` scope.
         */
        get: operations["getPrivacyRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign the request to a privacy officer (or unassign with null)
         * @description **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["assignPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/await-requester": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wait for the requester (more information needed)
         * @description **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["awaitPrivacyRequester"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the request (the requester withdrew it, or it was filed twice)
         * @description **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["cancelPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the request
         * @description Emails the requester. An erasure or a minor’s report starts the durable erasure of each confirmed person; access and portability record that the export is pending.
         *
         *     **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["completePrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply or keep one correction a rectification proposes
         * @description apply: the proposed value goes into each confirmed person’s record through the contacts or users service (their validation and audit apply), then the history records the field name (never the value) and `subject.rectified` is written to the webhook outbox. keep: the record stays as it is.
         *
         *     **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["decidePrivacyRequestCorrection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend the deadline once, by up to two months
         * @description The reason is emailed to the requester. A second extension answers 409.
         *
         *     **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["extendPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm which users and contacts the requester is
         * @description Only candidates (same email by blind index) can be confirmed. An objection or a withdrawal of consent is applied to the confirmed contacts’ consent ledger at once (marketing purposes).
         *
         *     **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["confirmPrivacyRequestMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject the request with a reason (emailed to the requester)
         * @description **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["rejectPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start work on the request (or resume after waiting for the requester)
         * @description **Requires permission `requests:write`** (roles owner, admin, privacy_officer), or an API key with the `requests:write` scope.
         */
        post: operations["startPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Requests by type and month received, and mean days to close
         * @description **Requires permission `requests:read`** (roles owner, admin, privacy_officer), or an API key with the `requests:read` scope.
         */
        get: operations["getPrivacyRequestStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/documents/{document}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The controller's privacy contact, DPO and supervisory authority
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        get: operations["contact"];
        /**
         * Publish or change the privacy contact details
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        put: operations["saveContact"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/documents/{document}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The draft waiting to be published, with what it changes (facts changed by settings included)
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        get: operations["draft"];
        /**
         * Save the draft's sections (titles and prose; each block of facts exactly once)
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        put: operations["save"];
        /**
         * Open a draft from the published text (or get the open one)
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        post: operations["start"];
        /**
         * Discard the draft (a draft of changed facts comes back until they are published)
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        delete: operations["discard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/documents/{document}/draft/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft; for the platform policy, every user must accept it at their next request
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        post: operations["publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/documents/{document}/processors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Processors (sub-processors) this document lists
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         *
         *     No `updatedSince`: The processors of one privacy document, a short list read whole.
         */
        get: operations["list"];
        put?: never;
        /**
         * Add a processor; the draft then lists it
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        post: operations["add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/documents/{document}/processors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One processor this document lists
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        get: operations["getProcessor"];
        /**
         * Change a processor
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        put: operations["update"];
        post?: never;
        /**
         * Remove a processor
         * @description **Requires permission `privacy-policy:write`** (roles owner, admin, privacy_officer), people only: API keys cannot call it.
         */
        delete: operations["remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/organizations/{slug}/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organization's privacy notice toward its contacts
         * @description **Access:** public, no credentials needed.
         */
        get: operations["notice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/organizations/{slug}/notice/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Version history of an organization's privacy notice
         * @description **Access:** public, no credentials needed.
         *
         *     No `updatedSince`: Published versions never change.
         */
        get: operations["noticeHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/organizations/{slug}/notice/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One published version of an organization's privacy notice
         * @description **Access:** public, no credentials needed.
         */
        get: operations["noticeVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The platform's privacy policy: the published version, its facts rendered from live settings
         * @description **Access:** public, no credentials needed.
         */
        get: operations["platform"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Version history of the platform's privacy policy
         * @description **Access:** public, no credentials needed.
         *
         *     No `updatedSince`: Published versions never change.
         */
        get: operations["platformHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy/policy/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One published version of the platform policy, with the facts it stated then
         * @description **Access:** public, no credentials needed.
         */
        get: operations["platformVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your profile
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your name, phone, job title, company or preferences
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         */
        patch: operations["updateProfile"];
        trace?: never;
    };
    "/api/v1/profile/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your email address
         * @description Emails a confirmation link to the new address and a note to the current one; nothing changes until the link is followed.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["requestEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profile/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password
         * @description Needs the current password (wrong ones count towards the sign-in lockout). Signs out your other devices.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profile/security-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your recent security events
         * @description Sign-ins (and failed attempts with your address), MFA, password and email changes, API keys.
         *
         *     **Access:** any signed-in person (access token); API keys cannot call it.
         *
         *     No `updatedSince`: Your own security events, from the audit trail: entries never change.
         */
        get: operations["listSecurityEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/consent-confirmations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a double opt-in with the emailed token: records `confirmed` entries
         * @description **Access:** public, no credentials needed.
         */
        post: operations["confirmConsents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/organizations/{slug}/consent-purposes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an organization's public consent form shows: purposes with their current wording
         * @description **Access:** public, no credentials needed.
         */
        get: operations["getPublicConsentPurposes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/organizations/{slug}/consent-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for consents from the public form (double opt-in)
         * @description Finds the contact by email or creates one, records `pending` entries with the wording versions shown and emails a one-time confirmation link. Answers 202 whether or not the email was known.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["requestConsents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/organizations/{slug}/privacy-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * File a data-subject request from the public form
         * @description Stores the request as unverified and emails a one-time link; nothing happens until it is followed, and unverified requests expire. Answers 202 with no body whether or not the email is known to the organization.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["submitPublicPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/privacy-requests/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a public request with the emailed token
         * @description The request is received from now: its deadline runs and the requester gets a confirmation email.
         *
         *     **Access:** public, no credentials needed.
         */
        post: operations["verifyPrivacyRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retention rules: each period, its setting and the sentence the privacy policy states
         * @description The purge jobs read the same settings: the period shown is the one enforced.
         *
         *     **Requires permission `retention:read`** (roles owner, admin, privacy_officer), or an API key with the `retention:read` scope.
         *
         *     No `updatedSince`: The rules the platform runs: a fixed list read whole.
         */
        get: operations["listRetentionRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/rules/{key}/period": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set your organization’s own period for a rule that allows one (null: the platform’s)
         * @description Within the rule’s `adjustable` bounds (invoices never below the legal period). The purge and your privacy notice use it from then on; the notice’s next draft shows the changed sentence.
         *
         *     **Requires permission `retention:configure`** (roles owner, admin, privacy_officer), or an API key with the `retention:configure` scope.
         */
        put: operations["setRetentionPeriod"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/rules/{key}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dry run: what the rule would purge in your organization now
         * @description Counts (eligible and kept under a legal hold), a few ids, and when the next rows expire. Purges nothing.
         *
         *     **Requires permission `retention:read`** (roles owner, admin, privacy_officer), or an API key with the `retention:read` scope.
         */
        get: operations["previewRetentionRule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/rules/{key}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the rule now over your organization
         * @description Fixes the cut-off now and purges in the background in bounded batches; follow `GET /retention/runs/{id}`. 409 `rule-running` while a run of the rule is going on.
         *
         *     **Requires permission `retention:run`** (roles owner, admin, privacy_officer), or an API key with the `retention:run` scope.
         */
        post: operations["runRetentionRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Purge history: every scheduled run and your on-demand ones, with your organization’s counts
         * @description **Requires permission `retention:read`** (roles owner, admin, privacy_officer), or an API key with the `retention:read` scope.
         *
         *     No `updatedSince`: Runs have no update time: read a run by id to follow it.
         */
        get: operations["listRetentionRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/retention/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One run: its receipt for your organization (setting value, cut-off, counts, held, outcome)
         * @description **Requires permission `retention:read`** (roles owner, admin, privacy_officer), or an API key with the `retention:read` scope.
         */
        get: operations["getRetentionRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The roles and what each may do (the permission matrix)
         * @description **Access:** any signed-in person (access token); API keys cannot call it.
         *
         *     No `updatedSince`: A fixed catalogue of roles.
         */
        get: operations["listRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Calendar entries in a time window
         * @description Entries overlapping [from, to), by start time. The window is required and spans at most 62 days. Filter by `assigneeId` (`me` for yours), `branchId`, `jobId` or `clientId`.
         *
         *     **Requires permission `schedules:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `schedules:read` scope.
         */
        get: operations["listSchedule"];
        put?: never;
        /**
         * Book an appointment or a job visit
         * @description A person cannot be in two places at once: when the assignee has a planned or done entry overlapping the time, the answer is 409 with the clashing entries in `conflicts` ({id, startsAt, endsAt}), unless `allowDoubleBooking` is true. Booking the first visit of a new job moves the job to scheduled. Agents book only their own calendar.
         *
         *     **Requires permission `schedules:write`** (roles owner, admin, manager, agent), or an API key with the `schedules:write` scope.
         */
        post: operations["createScheduleEntry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/schedule/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One calendar entry
         * @description **Requires permission `schedules:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `schedules:read` scope.
         */
        get: operations["getScheduleEntry"];
        put?: never;
        post?: never;
        /**
         * Remove a calendar entry
         * @description **Requires permission `schedules:write`** (roles owner, admin, manager, agent), or an API key with the `schedules:write` scope.
         */
        delete: operations["deleteScheduleEntry"];
        options?: never;
        head?: never;
        /**
         * Move, reassign or change a calendar entry
         * @description Send the `version` you read; a stale one answers 409. A person cannot be in two places at once: when the assignee has a planned or done entry overlapping the time, the answer is 409 with the clashing entries in `conflicts` ({id, startsAt, endsAt}), unless `allowDoubleBooking` is true.
         *
         *     **Requires permission `schedules:write`** (roles owner, admin, manager, agent), or an API key with the `schedules:write` scope.
         */
        patch: operations["updateScheduleEntry"];
        trace?: never;
    };
    "/api/v1/schedule/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who booked and changed the entry, and which fields (never the values)
         * @description **Requires permission `schedules:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `schedules:read` scope.
         *
         *     No `updatedSince`: Activity entries never change; the record’s own `updatedAt` says when it did.
         */
        get: operations["getScheduleEntryActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tax-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tax policies
         * @description Organization-wide policies first, then per branch, latest first. `at` keeps those in effect that day. Managers and agents see the organization-wide policies and their branches’.
         *
         *     **Requires permission `tax-policies:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `tax-policies:read` scope.
         */
        get: operations["listTaxPolicies"];
        put?: never;
        /**
         * Add a tax policy
         * @description Two policies of the same scope (one branch, or the whole organization) cannot share a day: 409.
         *
         *     **Requires permission `tax-policies:write`** (roles owner, admin), or an API key with the `tax-policies:write` scope.
         */
        post: operations["createTaxPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tax-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One tax policy
         * @description **Requires permission `tax-policies:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `tax-policies:read` scope.
         */
        get: operations["getTaxPolicy"];
        put?: never;
        post?: never;
        /**
         * Delete a tax policy
         * @description Refused (409) once an issued invoice used it.
         *
         *     **Requires permission `tax-policies:write`** (roles owner, admin), or an API key with the `tax-policies:write` scope.
         */
        delete: operations["deleteTaxPolicy"];
        options?: never;
        head?: never;
        /**
         * Change a tax policy
         * @description Send the `version` you read; a stale one answers 409. Once issued invoices used the policy, its rates, pricing and branch are fixed and its days must keep covering their dates (409).
         *
         *     **Requires permission `tax-policies:write`** (roles owner, admin), or an API key with the `tax-policies:write` scope.
         */
        patch: operations["updateTaxPolicy"];
        trace?: never;
    };
    "/api/v1/tax-policies/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who created and changed the tax policy, and which fields
         * @description **Requires permission `tax-policies:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `tax-policies:read` scope.
         *
         *     No `updatedSince`: Activity entries never change; the record’s own `updatedAt` says when it did.
         */
        get: operations["getTaxPolicyActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tax-policies/effective": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tax policy an invoice would use
         * @description The branch’s policy in effect on `date` (today if omitted), else the organization-wide one; 404 when neither.
         *
         *     **Requires permission `tax-policies:read`** (roles owner, admin, manager, agent, viewer), or an API key with the `tax-policies:read` scope.
         */
        get: operations["getEffectiveTaxPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People of your organization
         * @description Oldest first, cursor-paginated. Managers see the people who share a branch with them.
         *
         *     **Requires permission `users:read`** (roles owner, admin, privacy_officer, manager), or an API key with the `users:read` scope.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One person of your organization
         * @description **Requires permission `users:read`** (roles owner, admin, privacy_officer, manager), or an API key with the `users:read` scope.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a person's role or branches
         * @description Takes effect on their next request. Nobody changes their own access; only owners touch owners.
         *
         *     **Requires permission `users:write`** (roles owner, admin), people only: API keys cannot call it.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable an account: no more sign-ins, every session ends; records stay
         * @description **Requires permission `users:write`** (roles owner, admin), people only: API keys cannot call it.
         */
        post: operations["disableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a disabled account again
         * @description **Requires permission `users:write`** (roles owner, admin), people only: API keys cannot call it.
         */
        post: operations["enableUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the invitation again (the earlier link stops working)
         * @description `invitationEmail`: `sent`, `queued` (the mail server did not answer; retried) or `failed`.
         *
         *     **Requires permission `users:write`** (roles owner, admin), people only: API keys cannot call it.
         */
        post: operations["resendInvitation"];
        /**
         * Withdraw an invitation nobody accepted; the invited person is deleted
         * @description **Requires permission `users:write`** (roles owner, admin), people only: API keys cannot call it.
         */
        delete: operations["cancelInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invite a colleague with a role and branches
         * @description Emails a single-use link that works for 7 days. The person appears with state `invited` until they accept. `invitationEmail` says whether the mail server took the email (`sent`), did not answer so it is queued and retried (`queued`), or refused it (`failed`); the answer is the same whether or not the address has an account.
         *
         *     **Requires permission `users:write`** (roles owner, admin), people only: API keys cannot call it.
         */
        post: operations["inviteUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver a succeeded or failed delivery once more, now
         * @description A delivery still pending has its next attempt scheduled already: 409.
         *
         *     **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         */
        post: operations["retryWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook endpoints of your organization (never their secrets)
         * @description Newest first; with `updatedSince`, oldest change first.
         *
         *     **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Add a webhook endpoint; its signing secret is in this answer only
         * @description Deliveries are signed per Standard Webhooks with the `whsec_` secret. A url whose host resolves to a private, loopback, link-local or reserved address is refused (400 on `url`).
         *
         *     **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One webhook endpoint
         * @description **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete an endpoint with its delivery log
         * @description **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint (send the `version` you read; a stale one answers 409)
         * @description **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of an endpoint, newest first, with every attempt
         * @description **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         *
         *     No `updatedSince`: Deliveries have no update time: filter by `status`.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret; the new one is in this answer only
         * @description For 24 hours the previous secret signs too: deliveries carry two signatures in `webhook-signature`, so a receiver still holding the old secret keeps verifying until it switches.
         *
         *     **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a `webhook.test` event to this endpoint now (see its delivery log)
         * @description **Requires permission `webhooks:manage`** (roles owner, admin), or an API key with the `webhooks:manage` scope.
         */
        post: operations["sendWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActivityListResponseDto: {
            items: components["schemas"]["ActivityResponseDto"][];
        };
        ActivityResponseDto: {
            /** @example updated */
            action: string;
            actorId: string | null;
            /** @example user */
            actorKind: string;
            /** @description The actor's name, when a user who still exists. */
            actorName: string | null;
            /** Format: date-time */
            at: string;
            /** @description Names of the fields changed, never their values. */
            fields: string[];
            id: string;
        };
        AddressDto: {
            /** @example Leeds */
            city?: string;
            /**
             * @description ISO 3166 alpha-2.
             * @example GB
             */
            country?: string;
            line1?: string;
            line2?: string;
            /** @example LS1 4AP */
            postcode?: string;
            region?: string;
        };
        ApiKeyCreatedResponseDto: {
            apiKey: components["schemas"]["ApiKeyResponseDto"];
            /** @description The whole key, shown this once: send it as the X-API-Key header. */
            secret: string;
        };
        ApiKeyCreateDto: {
            /** @description Optional expiry (ISO 8601, in the future). */
            expiresAt?: string;
            name: string;
            /**
             * @description Permissions of the matrix, e.g. `branches:read`. You can only grant what your role holds;
             *     `subscriptions:manage` only owners and admins of the operator organization can grant.
             */
            scopes: string[];
        };
        ApiKeyListResponseDto: {
            items: components["schemas"]["ApiKeyResponseDto"][];
        };
        ApiKeyResponseDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            lastUsedIp: string | null;
            name: string;
            /** @description The visible start of the key, to recognise it. */
            prefix: string;
            /** Format: date-time */
            revokedAt: string | null;
            scopes: string[];
            /**
             * Format: date-time
             * @description Last change: a use, a revocation (for `updatedSince`).
             */
            updatedAt: string;
        };
        AuditActionsResponseDto: {
            /** @description Every action the trail records, for filter pickers. */
            items: string[];
        };
        AuditBrokenLinkDto: {
            /** @enum {string} */
            reason: "altered" | "unlinked" | "missing-entries" | "truncated";
            seq: string;
        };
        AuditCheckpointDto: {
            /** Format: date-time */
            purgedBefore: string;
            purgedCount: number;
            /** @description The last entry removed by the retention purge. */
            seq: string;
        };
        AuditEntryResponseDto: {
            /**
             * @description One of: auth.sign_in, auth.sign_in.mfa, auth.sign_out, auth.lockout, auth.session.revoked, auth.sessions.revoked_all, auth.session.replayed, auth.password.changed, auth.password.reset, auth.email.change_requested, auth.email.changed, auth.mfa.enrolled, auth.mfa.disabled, auth.mfa.recovery_codes_regenerated, api_key.created, api_key.used, api_key.revoked, access.denied, organization.created, user.created, user.email_verified, user.invited, user.invitation_accepted, user.invitation_cancelled, user.role_changed, user.disabled, user.enabled, user.deactivated_for_erasure, user.profile_updated, organization.updated, branch.created, branch.updated, branch.deleted, personal_data.viewed, personal_data.exported, record.created, record.updated, record.deleted, invoice.emailed, audit.exported, audit.verified, audit.purged, retention.purged, retention.run_requested, retention.period_changed, legal_hold.set, legal_hold.released, privacy.erasure.held, analytics.rolled-up, subscription.changed, subscription.terminated, subscription.restored, subscription.reminder_sent, subscriptions.reminders_sent, subscriptions.purge_ran, organization.purged, privacy.erasure.started, privacy.erasure.category, privacy.erasure.completed, privacy.restriction.applied, privacy.restriction.lifted, privacy.export.requested, privacy.export.ready, privacy.export.downloaded, privacy.export.failed, privacy.export.purged, privacy.policy.draft_saved, privacy.policy.published, privacy.policy.accepted, privacy.processor.changed, privacy.contact.changed, consent.purpose_created, consent.purpose_updated, consent.purpose_archived, consent.recorded, consent.opt_in_requested, consent.opt_in_confirmed, webhook.endpoint_created, webhook.endpoint_updated, webhook.endpoint_deleted, webhook.secret_rotated, webhook.delivery_retried, privacy.request.created, privacy.request.verified, privacy.request.assigned, privacy.request.match_confirmed, privacy.request.extended, privacy.request.status_changed, privacy.request.completed, privacy.request.rejected, privacy.request.cancelled, privacy.request.expired, privacy.request.correction_applied, privacy.request.correction_kept.
             * @example auth.sign_in
             */
            action: string;
            actorId: string | null;
            /**
             * @example user
             * @enum {string}
             */
            actorKind: "user" | "api_key" | "system" | "anonymous";
            /** @description The user's name, when the actor is a person of the organization. */
            actorName: string | null;
            /** Format: date-time */
            at: string;
            /** @description Particulars: names of changed fields, roles, scopes, reasons. Never personal values. */
            details: {
                [key: string]: unknown;
            } | null;
            ip: string | null;
            /**
             * @example success
             * @enum {string}
             */
            outcome: "success" | "failure" | "denied";
            requestId: string | null;
            /** @description Position in the organization's chain. */
            seq: string;
            targetId: string | null;
            targetType: string | null;
            userAgent: string | null;
        };
        AuditListResponseDto: {
            items: components["schemas"]["AuditEntryResponseDto"][];
            /** @description Pass as `cursor` for older entries; null on the last page. */
            nextCursor: string | null;
        };
        AuditVerificationResponseDto: {
            /** @description Every break found (at most 100). */
            broken: components["schemas"]["AuditBrokenLinkDto"][];
            checkedEntries: number;
            checkpoint: components["schemas"]["AuditCheckpointDto"] | null;
            /** @description The first break: the entry to investigate. */
            firstBroken: components["schemas"]["AuditBrokenLinkDto"] | null;
            firstSeq: string | null;
            /** @description SHA-256 of the newest entry, hex: keep a copy elsewhere to detect a rewrite of the whole chain. */
            headHash: string | null;
            /** @description True when every entry matches its hash and chains from the one before. */
            intact: boolean;
            lastSeq: string | null;
            /** Format: date-time */
            verifiedAt: string;
        };
        BillToResponseDto: {
            address: components["schemas"]["AddressDto"] | null;
            email: string | null;
            name: string;
        };
        BranchCreateDto: {
            /** @example Leeds */
            name: string;
        };
        BranchListResponseDto: {
            items: components["schemas"]["BranchResponseDto"][];
        };
        BranchResponseDto: {
            id: string;
            name: string;
            /**
             * Format: date-time
             * @description Last change (for `updatedSince`).
             */
            updatedAt: string;
            version: number;
        };
        BranchUpdateDto: {
            name: string;
            version: number;
        };
        CandidateMatchDto: {
            /** @description The officer confirmed this match. */
            confirmed: boolean;
            id: string;
            /** @enum {string} */
            kind: "user" | "contact";
            /** @description The person's name in the record. */
            name: string | null;
        };
        ClientBalanceCurrencyDto: {
            /** @example GBP */
            currency: string;
            /** @description Drafts, not yet owed. */
            drafts: number;
            /** @description Issued invoices not yet paid in full. */
            openInvoices: number;
            /** @description What is still owed on them, in minor units. */
            outstandingMinor: number;
            /** @description Issued invoices past their due date. */
            overdueInvoices: number;
            /** @description What is owed on those, in minor units (part of `outstandingMinor`). */
            overdueMinor: number;
            /** @description Invoices paid in full. */
            paidInvoices: number;
            /** @description Every payment received, in minor units. */
            paidMinor: number;
        };
        ClientBalanceResponseDto: {
            clientId: string;
            /** @description One entry per currency invoiced (amounts of different currencies are never added); empty when none. */
            currencies: components["schemas"]["ClientBalanceCurrencyDto"][];
        };
        ClientCreateDto: {
            address?: components["schemas"]["AddressDto"] | null;
            /** Format: uuid */
            branchId: string;
            company?: components["schemas"]["CompanyDetailsDto"] | null;
            /** Format: email */
            email?: string | null;
            /**
             * @example company
             * @enum {string}
             */
            kind: "company" | "individual";
            name: string;
            notes?: string | null;
            /**
             * Format: uuid
             * @description The staff member responsible; you, if omitted.
             */
            ownerId?: string | null;
            /** @example +44 113 496 0000 */
            phone?: string | null;
            /**
             * @example [
             *       "maintenance-plan"
             *     ]
             */
            tags?: string[];
        };
        ClientListResponseDto: {
            items: components["schemas"]["ClientResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        ClientResponseDto: {
            address: components["schemas"]["AddressDto"] | null;
            branchId: string;
            company: components["schemas"]["CompanyDetailsDto"] | null;
            /** Format: date-time */
            createdAt: string;
            email: string | null;
            id: string;
            /** @example company */
            kind: string;
            /** Format: date-time */
            lastActivityAt: string | null;
            name: string;
            notes: string | null;
            ownerId: string | null;
            phone: string | null;
            /** @description Processing is restricted (GDPR Art. 18): the record is read-only. */
            restricted: boolean;
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
            /** @description Send back in updates: a stale version is refused with 409 instead of overwriting. */
            version: number;
        };
        ClientUpdateDto: {
            address?: components["schemas"]["AddressDto"] | null;
            /** Format: uuid */
            branchId?: string;
            company?: components["schemas"]["CompanyDetailsDto"] | null;
            /** Format: email */
            email?: string | null;
            /** @enum {string} */
            kind?: "company" | "individual";
            name?: string;
            notes?: string | null;
            /** Format: uuid */
            ownerId?: string | null;
            phone?: string | null;
            tags?: string[];
            /** @description The version you read; a stale one is refused with 409. */
            version: number;
        };
        CommunicationCreateDto: {
            body?: string;
            /**
             * Format: uuid
             * @description The client; defaults to the contact's client.
             */
            clientId?: string;
            /** Format: uuid */
            contactId?: string;
            /**
             * @example outbound
             * @enum {string}
             */
            direction: "internal" | "inbound" | "outbound";
            durationMinutes?: number;
            /**
             * @example call
             * @enum {string}
             */
            kind: "call" | "email" | "meeting" | "note";
            /**
             * Format: date-time
             * @description When it happened; now if omitted.
             */
            occurredAt?: string;
            /** @example Boiler service booked */
            subject?: string;
        };
        CommunicationListResponseDto: {
            items: components["schemas"]["CommunicationResponseDto"][];
            nextCursor: string | null;
        };
        CommunicationResponseDto: {
            /** @description Set when an integration logged it. */
            apiKeyId: string | null;
            authorId: string | null;
            /** @description The author's name, when a user who still exists. */
            authorName: string | null;
            body: string | null;
            branchId: string;
            clientId: string | null;
            contactId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example outbound */
            direction: string;
            durationMinutes: number | null;
            id: string;
            /** @example call */
            kind: string;
            /** Format: date-time */
            occurredAt: string;
            subject: string | null;
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        CommunicationUpdateDto: {
            body?: string | null;
            /** @enum {string} */
            direction?: "internal" | "inbound" | "outbound";
            durationMinutes?: number | null;
            /** Format: date-time */
            occurredAt?: string;
            subject?: string | null;
            version: number;
        };
        CompanyDetailsDto: {
            industry?: string;
            legalName?: string;
            registrationNumber?: string;
            vatNumber?: string;
            /** @example https://riverside.example */
            website?: string;
        };
        ConsentChoiceDto: {
            /** @example marketing-email */
            purposeKey: string;
            /**
             * @description The wording version the form showed (from GET …/consent-purposes).
             * @example 1
             */
            wordingVersion: number;
        };
        ConsentConfirmDto: {
            /** @description The token from the emailed link. */
            token: string;
        };
        ConsentConfirmResponseDto: {
            /**
             * @description Names of the purposes now confirmed.
             * @example [
             *       "Marketing email"
             *     ]
             */
            confirmed: string[];
        };
        ConsentOptInRequestDto: {
            /**
             * Format: email
             * @example rita@example.com
             */
            email: string;
            fullName: string;
            /** @description What the person ticked, each with the wording version shown. */
            purposes: components["schemas"]["ConsentChoiceDto"][];
        };
        ConsentPurposeArchiveDto: {
            version: number;
        };
        ConsentPurposeCreateDto: {
            /**
             * @example email
             * @enum {string}
             */
            channel: "any" | "email" | "phone" | "post" | "sms";
            /**
             * @description Stable machine name, used by lists, exports and integrations; cannot change later.
             * @example newsletter
             */
            key: string;
            /** @description Direct marketing: an objection always stops it, and marketing lists and exports check it. */
            marketing: boolean;
            name: string;
            /** @description The words shown to the person when asking. Version 1; changing it later adds version 2. */
            wording: string;
        };
        ConsentPurposeDetailResponseDto: {
            /** Format: date-time */
            archivedAt: string | null;
            /** @example email */
            channel: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @example marketing-email */
            key: string;
            marketing: boolean;
            name: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description The wording asked with now. */
            wording: components["schemas"]["ConsentWordingResponseDto"];
            /** @description Every wording version, oldest first. */
            wordings: components["schemas"]["ConsentWordingResponseDto"][];
        };
        ConsentPurposeListResponseDto: {
            items: components["schemas"]["ConsentPurposeResponseDto"][];
        };
        ConsentPurposeResponseDto: {
            /** Format: date-time */
            archivedAt: string | null;
            /** @example email */
            channel: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @example marketing-email */
            key: string;
            marketing: boolean;
            name: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description The wording asked with now. */
            wording: components["schemas"]["ConsentWordingResponseDto"];
        };
        ConsentPurposeUpdateDto: {
            /** @enum {string} */
            channel?: "any" | "email" | "phone" | "post" | "sms";
            marketing?: boolean;
            name?: string;
            /** @description The `version` you read; a stale one answers 409. */
            version: number;
            /** @description New wording: becomes the next version; earlier versions stay, as entries point at them. */
            wording?: string;
        };
        ConsentRatePointDto: {
            /**
             * @description First day of the period.
             * @example 2026-11-01
             */
            periodStart: string;
            /** @example marketing-email */
            purposeKey: string;
            /**
             * @description validContacts / recordedContacts, or null when nobody was asked yet.
             * @example 0.7
             */
            rate: number | null;
            /**
             * @description Contacts with any entry for the purpose by the end of the period.
             * @example 60
             */
            recordedContacts: number;
            /**
             * @description Contacts whose latest entry at the end of the period was a grant or a confirmed opt-in.
             * @example 42
             */
            validContacts: number;
        };
        ConsentRatePurposeDto: {
            key: string;
            marketing: boolean;
            name: string;
        };
        ConsentRatesResponseDto: {
            from: string;
            /** @example day */
            interval: string;
            points: components["schemas"]["ConsentRatePointDto"][];
            purposes: components["schemas"]["ConsentRatePurposeDto"][];
            to: string;
        };
        ConsentReceiptDto: {
            contactId: string;
            entries: components["schemas"]["ConsentReceiptEntryDto"][];
            /** @example steward.consent-receipt/1 */
            format: string;
            /** Format: date-time */
            generatedAt: string;
            organizationId: string;
            purposes: components["schemas"]["ContactConsentStateDto"][];
        };
        ConsentReceiptEntryDto: {
            /** @example granted */
            action: string;
            id: string;
            /** @example consent */
            lawfulBasis: string | null;
            /** @example marketing-email */
            purposeKey: string;
            purposeName: string;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: components["schemas"]["ConsentRecorderDto"];
            /** @example phone */
            source: string;
            /** @description The exact words shown with this entry. */
            wordingText: string | null;
            /**
             * @description The wording version shown; null for a withdrawal or objection.
             * @example 1
             */
            wordingVersion: number | null;
        };
        ConsentRecorderDto: {
            id: string | null;
            /**
             * @description user, api_key or subject (the person, through the double opt-in)
             * @example user
             */
            kind: string;
        };
        ConsentWordingResponseDto: {
            /** Format: date-time */
            createdAt: string;
            text: string;
            /** @example 2 */
            version: number;
        };
        ContactConsentEntryResponseDto: {
            /** @example granted */
            action: string;
            id: string;
            /** @example consent */
            lawfulBasis: string | null;
            /** @example marketing-email */
            purposeKey: string;
            purposeName: string;
            /** Format: date-time */
            recordedAt: string;
            recordedBy: components["schemas"]["ConsentRecorderDto"];
            /** @example phone */
            source: string;
            /**
             * @description The wording version shown; null for a withdrawal or objection.
             * @example 1
             */
            wordingVersion: number | null;
        };
        ContactConsentRecordDto: {
            /**
             * @description granted, or withdrawn / objected (each adds an entry; nothing is overwritten).
             * @example granted
             * @enum {string}
             */
            action: "granted" | "withdrawn" | "objected";
            /**
             * @description Required with `granted`: consent, or another basis (legitimate-interests for a customer's soft opt-in).
             * @example consent
             * @enum {string}
             */
            lawfulBasis?: "contract" | "legal-obligation" | "legitimate-interests" | "consent";
            /** @example marketing-email */
            purposeKey: string;
            /**
             * @description Where the person said so.
             * @example phone
             * @enum {string}
             */
            source: "api" | "email" | "phone" | "form" | "import" | "in-person" | "double-opt-in";
            /**
             * @description The wording version the person was shown (granting only); defaults to the current one.
             * @example 1
             */
            wordingVersion?: number;
        };
        ContactConsentsResponseDto: {
            contactId: string;
            /** @description Every entry, oldest first. */
            history: components["schemas"]["ContactConsentEntryResponseDto"][];
            purposes: components["schemas"]["ContactConsentStateDto"][];
        };
        ContactConsentStateDto: {
            archived: boolean;
            channel: string;
            lawfulBasis: string | null;
            marketing: boolean;
            /** @example marketing-email */
            purposeKey: string;
            purposeName: string;
            /** Format: date-time */
            since: string | null;
            /**
             * @description The latest entry's action, or `none`.
             * @example withdrawn
             */
            status: string;
            /** @description Whether the organization may process for this purpose now (latest entry granted or confirmed). */
            validBasis: boolean;
        };
        ContactCreateDto: {
            address?: components["schemas"]["AddressDto"] | null;
            /**
             * Format: uuid
             * @description Defaults to the client's branch.
             */
            branchId?: string;
            /**
             * Format: uuid
             * @description The client the person works for, if any.
             */
            clientId?: string | null;
            /** Format: email */
            email?: string | null;
            fullName: string;
            jobTitle?: string | null;
            notes?: string | null;
            /** Format: uuid */
            ownerId?: string | null;
            phone?: string | null;
            tags?: string[];
        };
        ContactFilterDto: {
            /** Format: uuid */
            branchId?: string;
            /** Format: uuid */
            clientId?: string;
            /** Format: uuid */
            ownerId?: string;
            tag?: string;
        };
        ContactImportResponseDto: {
            created: number;
            errors: components["schemas"]["ImportErrorDto"][];
            failed: number;
            received: number;
            /** @description Header names that matched no column and were ignored. */
            unknownColumns: string[];
        };
        ContactListCreateDto: {
            /**
             * Format: uuid
             * @description Limit the list to one branch; omit for the whole organization (managers must name one of theirs).
             */
            branchId?: string;
            filter?: components["schemas"]["ContactFilterDto"];
            /**
             * @description static: hand-picked members; saved_filter: everyone matching `filter` when read.
             * @enum {string}
             */
            kind: "static" | "saved_filter";
            name: string;
            /**
             * @description Use the list for this consent purpose (e.g. `marketing-email`): reading it then yields
             *     only contacts with a valid basis for it. null (on update) stops using it for a purpose.
             * @example marketing-email
             */
            purposeKey?: string | null;
        };
        ContactListItemResponseDto: {
            branchId: string | null;
            /** Format: date-time */
            createdAt: string;
            filter: components["schemas"]["ContactFilterDto"] | null;
            id: string;
            /** @example static */
            kind: string;
            /** @description Members of a static list; null for a saved filter (it is evaluated when read). */
            memberCount: number | null;
            name: string;
            ownerId: string | null;
            /** @description The consent purpose the list is used for: reading it yields only contacts with a valid basis. */
            purposeKey: string | null;
            /**
             * Format: date-time
             * @description Last change of the list itself, not of its members (for `updatedSince`).
             */
            updatedAt: string;
            version: number;
        };
        ContactListMembersAddedResponseDto: {
            /** @description How many were not yet members. */
            added: number;
        };
        ContactListMembersDto: {
            contactIds: string[];
        };
        ContactListResponseDto: {
            items: components["schemas"]["ContactResponseDto"][];
            nextCursor: string | null;
        };
        ContactListsResponseDto: {
            items: components["schemas"]["ContactListItemResponseDto"][];
        };
        ContactListUpdateDto: {
            filter?: components["schemas"]["ContactFilterDto"];
            name?: string;
            /**
             * @description Use the list for this consent purpose (e.g. `marketing-email`): reading it then yields
             *     only contacts with a valid basis for it. null (on update) stops using it for a purpose.
             * @example marketing-email
             */
            purposeKey?: string | null;
            version: number;
        };
        ContactResponseDto: {
            address: components["schemas"]["AddressDto"] | null;
            branchId: string;
            clientId: string | null;
            /** Format: date-time */
            createdAt: string;
            email: string | null;
            fullName: string;
            id: string;
            jobTitle: string | null;
            /** Format: date-time */
            lastActivityAt: string | null;
            notes: string | null;
            ownerId: string | null;
            phone: string | null;
            /** @description Processing is restricted (GDPR Art. 18): the record is read-only. */
            restricted: boolean;
            tags: string[];
            /** Format: date-time */
            updatedAt: string;
            version: number;
        };
        ContactUpdateDto: {
            address?: components["schemas"]["AddressDto"] | null;
            /** Format: uuid */
            branchId?: string;
            /** Format: uuid */
            clientId?: string | null;
            /** Format: email */
            email?: string | null;
            fullName?: string;
            jobTitle?: string | null;
            notes?: string | null;
            /** Format: uuid */
            ownerId?: string | null;
            phone?: string | null;
            tags?: string[];
            version: number;
        };
        CookieCategoryDto: {
            description: string;
            /**
             * @example analytics
             * @enum {string}
             */
            key: "essential" | "preference" | "analytics" | "security";
            /** @example Analytics */
            name: string;
            /** @description Always on: cannot be refused. */
            required: boolean;
        };
        CookieChoiceDto: {
            /**
             * @description Every category accepted; `essential` must be among them (it cannot be refused).
             * @example [
             *       "essential",
             *       "analytics"
             *     ]
             */
            categories: ("essential" | "preference" | "analytics" | "security")[];
            /**
             * Format: uuid
             * @description The random id the consent manager keeps in the browser's consent cookie (its `consentId`).
             */
            consentId: string;
            /**
             * @description The revision of the cookie policy the person was shown.
             * @example 1
             */
            revision: number;
        };
        CookieChoiceResponseDto: {
            /**
             * @example [
             *       "essential"
             *     ]
             */
            categories: ("essential" | "preference" | "analytics" | "security")[];
            consentId: string;
            /** @description The choice is for the cookie policy in force: no need to ask again. */
            current: boolean;
            /**
             * Format: date-time
             * @description When the server logged the choice.
             */
            recordedAt: string;
            /** @example 1 */
            revision: number;
        };
        CookiePolicyResponseDto: {
            categories: components["schemas"]["CookieCategoryDto"][];
            /**
             * @description The cookie policy's current revision: a choice made for an earlier one is asked again.
             * @example 1
             */
            revision: number;
        };
        CorrectionReviewDto: {
            /** @description The value in the confirmed person's record now; null when no match is confirmed or the field is empty. */
            current: string | null;
            /** @enum {string} */
            decision: "proposed" | "applied" | "kept";
            /** @enum {string} */
            field: "email" | "fullName" | "phone" | "jobTitle" | "company";
            /** @description What the requester proposes; null once the requester was erased. */
            proposed: string | null;
        };
        CurrentUserResponseDto: {
            branchIds: string[];
            email: string;
            fullName: string;
            id: string;
            jobTitle: string | null;
            mfaEnabled: boolean;
            /** @description The organization requires MFA and it is not set up yet: only enrolment is open. */
            mfaEnrolmentRequired: boolean;
            organizationId: string;
            /** @description Language, theme, time zone: so the app can apply them from the start. */
            preferences: components["schemas"]["PreferencesDto"];
            /** @example owner */
            role: string;
        };
        DataExportListResponseDto: {
            items: components["schemas"]["DataExportResponseDto"][];
        };
        DataExportProgressDto: {
            /** @description Categories written so far. */
            done: number;
            /** @description Categories the personal-data registry lists for the subject (0 until the build starts). */
            total: number;
        };
        DataExportResponseDto: {
            /**
             * Format: date-time
             * @description First download, if any.
             */
            downloadedAt: string | null;
            /**
             * Format: date-time
             * @description The download link stops working and the file is deleted at this time.
             */
            expiresAt: string | null;
            id: string;
            progress: components["schemas"]["DataExportProgressDto"];
            /** Format: date-time */
            readyAt: string | null;
            /** Format: date-time */
            requestedAt: string;
            /** @description SHA-256 of the ZIP (hex), to check a download against. */
            sha256: string | null;
            /** @description Size of the ZIP in bytes, once ready. */
            sizeBytes: number | null;
            /**
             * @description queued → building → ready; expired once the link has expired and the file is deleted; failed after retries.
             * @enum {string}
             */
            status: "failed" | "queued" | "expired" | "ready" | "building";
            subjectId: string;
            /** @enum {string} */
            subjectKind: "user" | "contact" | "client";
        };
        DataExportStartDto: {
            /**
             * Format: uuid
             * @description The user's, contact's or client's id.
             */
            subjectId: string;
            /**
             * @description Whose data: a staff user, a contact, or a client who is a person.
             * @enum {string}
             */
            subjectKind: "user" | "contact" | "client";
        };
        DataExportStartedResponseDto: {
            /**
             * Format: date-time
             * @description First download, if any.
             */
            downloadedAt: string | null;
            /**
             * @description The download link for the subject, valid until `expiresAt` once the export is ready.
             *     Shown once: only a hash of its token is stored. Hand it over only after verifying the person.
             */
            downloadUrl: string;
            /**
             * Format: date-time
             * @description The download link stops working and the file is deleted at this time.
             */
            expiresAt: string | null;
            id: string;
            progress: components["schemas"]["DataExportProgressDto"];
            /** Format: date-time */
            readyAt: string | null;
            /** Format: date-time */
            requestedAt: string;
            /** @description SHA-256 of the ZIP (hex), to check a download against. */
            sha256: string | null;
            /** @description Size of the ZIP in bytes, once ready. */
            sizeBytes: number | null;
            /**
             * @description queued → building → ready; expired once the link has expired and the file is deleted; failed after retries.
             * @enum {string}
             */
            status: "failed" | "queued" | "expired" | "ready" | "building";
            subjectId: string;
            /** @enum {string} */
            subjectKind: "user" | "contact" | "client";
        };
        EmailChangeDto: {
            /**
             * Format: email
             * @description The new address; it takes effect once confirmed through the link sent to it.
             */
            email: string;
            /** @description Your current password. */
            password: string;
        };
        EmailDto: {
            /** Format: email */
            email: string;
        };
        ErasureCategoryReceiptDto: {
            /** @description Records deleted or de-identified. */
            affected: number;
            /** @example crm.invoices */
            category: string;
            /** Format: date-time */
            completedAt: string | null;
            /**
             * @description `delete`, or `deidentify` where a legal hold keeps the record without the person.
             * @enum {string}
             */
            mode: "delete" | "deidentify";
            /** @description Why they are kept (the legal ground), or null. */
            retainedReason: string | null;
            /** @description Records kept under a legal hold, or null. */
            retainedRecords: number | null;
        };
        ErasureReceiptDto: {
            categories: components["schemas"]["ErasureCategoryReceiptDto"][];
            /**
             * Format: date-time
             * @description Null while the erasure is still running.
             */
            completedAt: string | null;
            erasureId: string;
            /**
             * Format: date-time
             * @description When the person's key was destroyed: what backups still hold became unreadable.
             */
            keyDestroyedAt: string | null;
            /** Format: date-time */
            requestedAt: string;
            subjectId: string;
            /** @example contact */
            subjectKind: string;
        };
        HealthDetailsResponseDto: {
            /** @description One entry per registered job. */
            jobs: components["schemas"]["JobQueueHealthDto"][];
        };
        HoldActorDto: {
            id: string | null;
            /** @enum {string} */
            kind: "user" | "api_key";
        };
        ImportErrorDto: {
            /** @example email */
            field: string;
            message: string;
            /** @example 14 */
            row: number;
        };
        InvitationAcceptDto: {
            /** @description "I am at least the minimum age", instead of a date of birth. */
            confirmAge?: boolean;
            /**
             * @description Checked against the minimum age and then forgotten: never stored, never logged.
             * @example 1990-04-23
             */
            dateOfBirth?: string;
            /** @description At least 12 characters; the commonest passwords are refused. */
            password: string;
            /** @description The token from the emailed link. */
            token: string;
        };
        InvitationEmailDto: {
            /**
             * @description `sent`: the mail server took it. `queued`: the mail server did not answer; the email is
             *     kept (sealed) and retried until it is sent, for up to MAIL_RETRY_HOURS. `failed`: the mail
             *     server refused it for good; send the invitation again later or to another address.
             * @example sent
             * @enum {string}
             */
            invitationEmail: "sent" | "queued" | "failed";
        };
        InvitationPreviewResponseDto: {
            email: string;
            fullName: string;
            /** @description The organization's minimum age: accepting asks for it. */
            minimumAge: number;
            organizationName: string;
            /** @example agent */
            role: string;
        };
        InvoiceCreateDto: {
            /**
             * Format: uuid
             * @description The client's branch if omitted.
             */
            branchId?: string;
            /** Format: uuid */
            clientId: string;
            /** @example GBP */
            currency: string;
            /** @example 2026-05-01 */
            dueDate?: string | null;
            /**
             * @description Planned invoice date; issuing sets it (today if none).
             * @example 2026-04-01
             */
            issueDate?: string | null;
            /**
             * Format: uuid
             * @description The job invoiced: it moves to `invoiced` when the invoice is issued.
             */
            jobId?: string | null;
            lines: components["schemas"]["InvoiceLineDto"][];
        };
        InvoiceIssueDto: {
            /**
             * @description 30 days after the issue date if omitted (or the draft's).
             * @example 2026-05-01
             */
            dueDate?: string;
            /**
             * @description Today if omitted (or the draft's planned date).
             * @example 2026-04-01
             */
            issueDate?: string;
            version: number;
        };
        InvoiceLineDto: {
            description: string;
            /**
             * @description Above 0, up to three decimals.
             * @example 1.5
             */
            quantity: number;
            /**
             * @description A rate code of the tax policy in effect.
             * @example STD
             */
            taxCode: string;
            /**
             * @description Price of one unit in minor units (pence, cents); 0 is allowed.
             * @example 8500
             */
            unitPriceMinor: number;
        };
        InvoiceLineResponseDto: {
            description: string;
            grossMinor: number;
            netMinor: number;
            /** @example 1.5 */
            quantity: number;
            /**
             * @description The quantity in thousandths, as stored.
             * @example 1500
             */
            quantityMilli: number;
            /**
             * @description The rate applied, in hundredths of a percent.
             * @example 2000
             */
            taxBasisPoints: number;
            /** @example STD */
            taxCode: string;
            taxMinor: number;
            unitPriceMinor: number;
        };
        InvoiceListResponseDto: {
            items: components["schemas"]["InvoiceResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        InvoiceQuoteDto: {
            /**
             * Format: uuid
             * @description The branch whose tax policy applies (else the organization's).
             */
            branchId: string;
            /** @example GBP */
            currency: string;
            /**
             * @description The invoice date; today if omitted.
             * @example 2026-04-01
             */
            date?: string;
            lines: components["schemas"]["InvoiceLineDto"][];
        };
        InvoiceQuoteResponseDto: {
            /** @example GBP */
            currency: string;
            lines: components["schemas"]["InvoiceLineResponseDto"][];
            /** @example exclusive */
            pricing: string;
            subtotalMinor: number;
            taxMinor: number;
            taxPolicyId: string;
            taxPolicyName: string;
            totalMinor: number;
        };
        InvoiceResponseDto: {
            /** @description What is still to pay. */
            balanceMinor: number;
            /** @description Who it is addressed to; null once the client was de-identified. */
            billTo: components["schemas"]["BillToResponseDto"] | null;
            branchId: string;
            /** @description Null once the client was deleted or erased; the invoice stays (kept 7 years). */
            clientId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example GBP */
            currency: string;
            /** @description The client exercised erasure: the bill-to copy is gone, the amounts stay (legal record). */
            deidentified: boolean;
            /** @example INV-00042 */
            displayNumber: string;
            /** @example 2026-05-01 */
            dueDate: string | null;
            /**
             * @description What the mail server did with that email: `sent`, `queued` (retried) or `failed`.
             * @example sent
             * @enum {string|null}
             */
            emailDelivery: "sent" | "queued" | "failed" | null;
            /**
             * Format: date-time
             * @description When it was last emailed to the bill-to address (`POST /invoices/{id}/send`); null if never.
             */
            emailedAt: string | null;
            id: string;
            /** @example 2026-04-01 */
            issueDate: string | null;
            jobId: string | null;
            lines: components["schemas"]["InvoiceLineResponseDto"][];
            /**
             * @description Sequential within the organization.
             * @example 42
             */
            number: number;
            /** @description Issued and past its due date. */
            overdue: boolean;
            paidMinor: number;
            /** @example exclusive */
            pricing: string;
            /**
             * @description draft, issued, paid or void.
             * @example issued
             */
            status: string;
            subtotalMinor: number;
            taxMinor: number;
            /** @description The tax policy of the totals: frozen when issued, a preview while a draft. */
            taxPolicyId: string | null;
            totalMinor: number;
            /** Format: date-time */
            updatedAt: string;
            /** @description Send back in changes: a stale version is refused with 409 instead of overwriting. */
            version: number;
        };
        InvoiceSentResponseDto: {
            /**
             * @description What became of the email: `sent` (the mail server took it), `queued` (it did not answer; the
             *     email waits sealed and is retried) or `failed` (refused for good).
             * @example sent
             * @enum {string}
             */
            email: "sent" | "queued" | "failed";
            /** @description The invoice, with `emailedAt` and `emailDelivery` set. */
            invoice: components["schemas"]["InvoiceResponseDto"];
            /**
             * @description The bill-to address it went to.
             * @example accounts@riverside.example
             */
            sentTo: string;
        };
        InvoiceUpdateDto: {
            currency?: string;
            dueDate?: string | null;
            issueDate?: string | null;
            lines?: components["schemas"]["InvoiceLineDto"][];
            /** @description The version you read; a stale one is refused with 409. */
            version: number;
        };
        InvoiceVersionDto: {
            version: number;
        };
        JobBoardColumnDto: {
            /** @description The newest jobs in this status, at most 50. */
            items: components["schemas"]["JobResponseDto"][];
            /**
             * @example new
             * @enum {string}
             */
            status: "completed" | "cancelled" | "new" | "scheduled" | "in_progress" | "invoiced";
        };
        JobBoardResponseDto: {
            /** @description One column per open status: new, scheduled, in_progress. */
            columns: components["schemas"]["JobBoardColumnDto"][];
            counts: components["schemas"]["JobStatusCountsDto"];
        };
        JobCreateDto: {
            /** @description Staff doing the work. Agents are always among them (you, if omitted and you are an agent). */
            assignedUserIds?: string[];
            /**
             * Format: uuid
             * @description The client's branch if omitted.
             */
            branchId?: string;
            /** Format: uuid */
            clientId: string;
            description?: string | null;
            /** @example 2030-05-31 */
            dueOn?: string | null;
            /**
             * @description Normal if omitted.
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "urgent";
            /** @description Where the work happens, when not the client's own address. */
            siteAddress?: components["schemas"]["AddressDto"] | null;
            title: string;
        };
        JobListResponseDto: {
            items: components["schemas"]["JobResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        JobQueueHealthDto: {
            /** @description Of those, copies waiting in the queue's dead-letter queue. */
            deadLettered: number;
            /** @description Jobs that failed every attempt (kept for inspection until pg-boss deletes them). */
            failed: number;
            /** @description The first line of the last failure's error: ids and reason codes, never personal data. */
            lastError: string | null;
            /** Format: date-time */
            lastFailedAt: string | null;
            /** @description The job's name, e.g. `retention.purge`. */
            queue: string;
        };
        JobResponseDto: {
            assignedUserIds: string[];
            branchId: string;
            clientId: string;
            /**
             * Format: date-time
             * @description Set when the job moved to completed.
             */
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            description: string | null;
            /** @example 2030-05-31 */
            dueOn: string | null;
            id: string;
            /**
             * @description Sequential within the organization.
             * @example 1042
             */
            number: number;
            /**
             * @example normal
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "urgent";
            siteAddress: components["schemas"]["AddressDto"] | null;
            /**
             * @example scheduled
             * @enum {string}
             */
            status: "completed" | "cancelled" | "new" | "scheduled" | "in_progress" | "invoiced";
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Send back in updates: a stale version is refused with 409 instead of overwriting. */
            version: number;
        };
        JobStatusChangeDto: {
            /**
             * @description new → scheduled → in_progress → completed → invoiced; cancelled from new, scheduled or
             *     in_progress. Any other move answers 409 naming the allowed next states.
             * @example in_progress
             * @enum {string}
             */
            status: "completed" | "cancelled" | "new" | "scheduled" | "in_progress" | "invoiced";
            /** @description The version you read; a stale one is refused with 409. */
            version: number;
        };
        JobStatusCountsDto: {
            cancelled: number;
            completed: number;
            in_progress: number;
            invoiced: number;
            new: number;
            scheduled: number;
        };
        JobUpdateDto: {
            assignedUserIds?: string[];
            description?: string | null;
            dueOn?: string | null;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            siteAddress?: components["schemas"]["AddressDto"] | null;
            title?: string;
            /** @description The version you read; a stale one is refused with 409. */
            version: number;
        };
        LegalHoldCreateDto: {
            /** @description The matter and its ground (a case or request reference); name the matter, not people. */
            reason: string;
            /**
             * @description What the hold covers: the whole organization, one data subject, or one record.
             * @example subject
             * @enum {string}
             */
            scope: "organization" | "subject" | "record";
            /**
             * Format: uuid
             * @description The subject's or record's id. Omit for an organization.
             */
            targetId?: string | null;
            /**
             * @description For a subject: client, contact or user; for a record: its kind (invoice, job…). Omit for an organization.
             * @example contact
             */
            targetKind?: string | null;
        };
        LegalHoldListResponseDto: {
            items: components["schemas"]["LegalHoldResponseDto"][];
            nextCursor: string | null;
            total: number;
        };
        LegalHoldReleaseDto: {
            /** @description Why the matter no longer needs the data. */
            reason: string;
        };
        LegalHoldResponseDto: {
            active: boolean;
            id: string;
            reason: string;
            /** Format: date-time */
            releasedAt: string | null;
            releasedBy: components["schemas"]["HoldActorDto"] | null;
            releaseReason: string | null;
            /** @enum {string} */
            scope: "organization" | "subject" | "record";
            /** Format: date-time */
            setAt: string;
            setBy: components["schemas"]["HoldActorDto"];
            targetId: string | null;
            /** @example contact */
            targetKind: string | null;
        };
        LivenessResponseDto: {
            /**
             * @description Always `ok` while the process serves requests.
             * @enum {string}
             */
            status: "ok";
        };
        MatchedSubjectDto: {
            /** Format: uuid */
            id: string;
            /**
             * @example contact
             * @enum {string}
             */
            kind: "user" | "contact";
        };
        MfaChallengeResponseDto: {
            /** @description Seconds the challenge stays valid. */
            expiresIn: number;
            /** @description Send with a code to POST /api/v1/auth/sign-in/mfa. */
            mfaToken: string;
        };
        MfaCodeDto: {
            code: string;
        };
        MfaDisableDto: {
            code?: string;
            password: string;
            recoveryCode?: string;
        };
        MfaEnrolmentResponseDto: {
            otpauthUri: string;
            /** @description The otpauth URI as a PNG data URL, for scanning. */
            qrCodeDataUrl: string;
            /** @description Base32 secret, for typing into an app by hand. */
            secret: string;
        };
        MfaRecoveryCodesDto: {
            /** @description A current code of the authenticator app (a recovery code is not enough here). */
            code: string;
            password: string;
        };
        MfaSignInDto: {
            /** @description The 6-digit code of the authenticator app. */
            code?: string;
            mfaToken: string;
            /** @description One of the recovery codes, instead of a code. */
            recoveryCode?: string;
        };
        MyCookieConsentResponseDto: {
            /** @description Your latest choice on any device; null when you have made none while signed in. */
            choice: components["schemas"]["CookieChoiceResponseDto"] | null;
            /** @example 1 */
            currentRevision: number;
        };
        MyPrivacyRequestCreateDto: {
            /** @description Rectification only: each field at most once. */
            corrections?: components["schemas"]["ProposedCorrectionDto"][];
            message?: string;
            /**
             * @example access
             * @enum {string}
             */
            type: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
        };
        MyPrivacyRequestResponseDto: {
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            dueAt: string | null;
            /** @description The organization took its one extension. */
            extended: boolean;
            id: string;
            /** @description Why the request was refused (only when rejected). */
            rejectionReason: string | null;
            /** @enum {string} */
            status: "completed" | "cancelled" | "received" | "in_progress" | "unverified" | "awaiting_requester" | "rejected";
            /** @enum {string} */
            type: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
            /**
             * Format: date-time
             * @description Last change (for `updatedSince`).
             */
            updatedAt: string;
        };
        MyPrivacyRequestsResponseDto: {
            items: components["schemas"]["MyPrivacyRequestResponseDto"][];
        };
        OperatorSubscriptionResponseDto: {
            /** Format: date-time */
            endedAt: string | null;
            /** Format: date-time */
            endsAt: string | null;
            organizationId: string;
            /** Format: date-time */
            purgeAt: string | null;
            /** @example active */
            state: string;
        };
        OperatorSubscriptionUpdateDto: {
            /**
             * @description End of the paid (or trial) period; required for trial and active, and in the future for
             *     them. For ended: the contract's end (not in the future; defaults to now).
             * @example 2027-01-31T23:59:59Z
             */
            endsAt?: string | null;
            /**
             * @description trial, active or past_due keep the organization; ended starts its purge countdown.
             * @enum {string}
             */
            state: "active" | "trial" | "past_due" | "ended";
        };
        OrganizationResponseDto: {
            accessTokenMinutes: number;
            dataRegion: string;
            id: string;
            mfaRequired: boolean;
            /** @description Sign-up refuses anyone younger. 18 by default; 13 is the lowest allowed. */
            minUserAge: number;
            name: string;
            persistentSessionDays: number;
            slug: string;
            /** Format: date-time */
            subscriptionEndsAt: string | null;
            /** @example trial */
            subscriptionState: string;
            /** @description Send back in updates: a stale version is refused with 409 instead of overwriting. */
            version: number;
        };
        OrganizationUpdateDto: {
            accessTokenMinutes?: number;
            dataRegion?: string;
            mfaRequired?: boolean;
            minUserAge?: number;
            name?: string;
            persistentSessionDays?: number;
            /** @description The version you read; the update is refused with 409 if someone changed it since. */
            version: number;
        };
        PasswordChangeDto: {
            currentPassword: string;
            /** @description At least 12 characters; the commonest passwords are refused. */
            newPassword: string;
        };
        PasswordResetConfirmDto: {
            password: string;
            /** @description The token from the emailed link. */
            token: string;
        };
        PasswordResetRequestDto: {
            /** Format: email */
            email: string;
        };
        PaymentCreateDto: {
            /**
             * @description In minor units, above 0; at most what is still owed.
             * @example 12000
             */
            amountMinor: number;
            /**
             * @example bank_transfer
             * @enum {string}
             */
            method: "bank_transfer" | "card" | "cash" | "cheque" | "other";
            /** @example 2026-04-15 */
            paidOn: string;
            /**
             * @description Bank or card reference; never a full account or card number.
             * @example BACS 2291
             */
            reference?: string | null;
        };
        PaymentListResponseDto: {
            items: components["schemas"]["PaymentResponseDto"][];
        };
        PaymentRecordedResponseDto: {
            /** @description The invoice after the payment: `paid` once fully paid. */
            invoice: components["schemas"]["InvoiceResponseDto"];
            payment: components["schemas"]["PaymentResponseDto"];
        };
        PaymentResponseDto: {
            amountMinor: number;
            /** Format: date-time */
            createdAt: string;
            id: string;
            invoiceId: string;
            /** @example bank_transfer */
            method: string;
            /** @example 2026-04-15 */
            paidOn: string;
            /** @description The staff member who recorded it; null for an integration. */
            recordedBy: string | null;
            reference: string | null;
        };
        PolicyAcceptanceStatusDto: {
            /** @description The highest version this user accepted, or null. */
            accepted: number | null;
            current: {
                effectiveDate: string | null;
                number: number;
            };
            /** @description True: the API refuses other requests with policy-acceptance-required until accepted. */
            required: boolean;
        };
        PolicyAcceptDto: {
            /**
             * @description The version number you read and accept.
             * @example 2
             */
            number: number;
        };
        PolicyDocumentResponseDto: {
            changeNote: string | null;
            /** @description The cookie section's revision: the consent banner asks again when it rises. */
            cookieRevision: number;
            /** @example 2026-12-02 */
            effectiveDate: string | null;
            /** @description The facts behind the statements, as structured data. */
            facts: {
                [key: string]: unknown;
            };
            /** @description True when the live facts differ from those this version was published with. */
            factsChangedSincePublication: boolean;
            /** Format: date-time */
            lastUpdated: string;
            /** @example 3 */
            number: number;
            organization: {
                name: string;
                slug: string;
            };
            sections: components["schemas"]["RenderedSectionDto"][];
            /** @example published */
            status: string;
            title: string;
        };
        PolicyDraftEnvelopeDto: {
            /** @description The draft waiting to be published, or null when the published version says it all. */
            draft: components["schemas"]["PolicyDraftResponseDto"] | null;
        };
        PolicyDraftResponseDto: {
            changeNote: string | null;
            /** @description What publishing changes, against the published version. */
            changes: components["schemas"]["SectionChangeDto"][];
            /** @description The cookie section's revision: the consent banner asks again when it rises. */
            cookieRevision: number;
            /** @description Send back when saving or publishing: a stale draft is refused with 409. */
            draftVersion: number;
            /** @example 2026-12-02 */
            effectiveDate: string | null;
            /** @description The facts behind the statements, as structured data. */
            facts: {
                [key: string]: unknown;
            };
            /** @description True when the live facts differ from those this version was published with. */
            factsChangedSincePublication: boolean;
            /** Format: date-time */
            lastUpdated: string;
            /** @example 3 */
            number: number;
            sections: components["schemas"]["RenderedSectionDto"][];
            /** @example published */
            status: string;
        };
        PolicyDraftUpdateDto: {
            sections: components["schemas"]["PolicySectionDto"][];
            /** @description The draftVersion you read. */
            version: number;
        };
        PolicyHistoryItemDto: {
            changeNote: string | null;
            effectiveDate: string | null;
            number: number;
            /** Format: date-time */
            publishedAt: string | null;
            status: string;
        };
        PolicyHistoryResponseDto: {
            items: components["schemas"]["PolicyHistoryItemDto"][];
        };
        PolicyPublishDto: {
            /** @description What changed, in a sentence readers see in the version history. */
            changeNote: string;
            /** @description The draftVersion you reviewed. */
            version: number;
        };
        PolicySectionDto: {
            /** @description Text after the facts. */
            closing: string;
            /**
             * @description The block of facts this section states, rendered from live settings; null for prose only.
             * @example retention
             * @enum {string|null}
             */
            facts: "contact" | "collected" | "purposes" | "retention" | "processors" | "cookies" | "minimum-age" | "residency" | "rights" | null;
            /**
             * @description Stable key of the section, unique in the document.
             * @example retention
             */
            key: string;
            /** @description Text before the facts; paragraphs separated by a blank line. */
            prose: string;
            title: string;
        };
        PolicyVersionResponseDto: {
            changeNote: string | null;
            /** @description The cookie section's revision: the consent banner asks again when it rises. */
            cookieRevision: number;
            /** @example 2026-12-02 */
            effectiveDate: string | null;
            /** @description The facts behind the statements, as structured data. */
            facts: {
                [key: string]: unknown;
            };
            /** @description True when the live facts differ from those this version was published with. */
            factsChangedSincePublication: boolean;
            /** Format: date-time */
            lastUpdated: string;
            /** @example 3 */
            number: number;
            sections: components["schemas"]["RenderedSectionDto"][];
            /** @example published */
            status: string;
        };
        PreferencesDto: {
            /** @example en */
            language?: string;
            /** @example auto */
            theme?: string;
            /**
             * @description IANA time zone.
             * @example Europe/London
             */
            timeZone?: string;
        };
        PrivacyContactDto: {
            authorityName: string;
            /** Format: uri */
            authorityUrl: string | null;
            controllerName: string;
            /** Format: email */
            dpoEmail: string | null;
            /** @example Data Protection Officer */
            dpoName: string | null;
            /**
             * Format: email
             * @example privacy@acme.example
             */
            email: string;
            phone: string | null;
            postalAddress: string | null;
        };
        PrivacyContactEnvelopeDto: {
            /** @description Null until the controller publishes its contact details. */
            contact: components["schemas"]["PrivacyContactDto"] | null;
        };
        PrivacyRequestActionDto: {
            /** @example 3 */
            version: number;
        };
        PrivacyRequestAssignDto: {
            /**
             * Format: uuid
             * @description A user holding requests:write, or null to unassign.
             */
            assigneeId: string | null;
            /** @example 3 */
            version: number;
        };
        PrivacyRequestCorrectionDecisionDto: {
            /**
             * @example apply
             * @enum {string}
             */
            decision: "apply" | "keep";
            /**
             * @example phone
             * @enum {string}
             */
            field: "email" | "fullName" | "phone" | "jobTitle" | "company";
            /** @example 3 */
            version: number;
        };
        PrivacyRequestDetailDto: {
            assigneeId: string | null;
            assigneeName: string | null;
            /** @description Users and contacts with the requester's email (blind index), and whether each is confirmed. */
            candidates: components["schemas"]["CandidateMatchDto"][];
            /** @enum {string} */
            channel: "email" | "phone" | "post" | "form" | "privacy_center" | "in_person";
            /** Format: date-time */
            closedAt: string | null;
            /** @description A rectification's proposed corrections, current against proposed. */
            corrections: components["schemas"]["CorrectionReviewDto"][];
            /** Format: date-time */
            createdAt: string;
            /** @description Whole days to the deadline by the server's clock; negative when overdue; null when closed or unverified. */
            daysLeft: number | null;
            /** Format: date-time */
            dueAt: string | null;
            /** @description Erasure and minor's-report requests: the receipt of each confirmed person's erasure. */
            erasureReceipts: components["schemas"]["ErasureReceiptDto"][];
            extended: boolean;
            extensionReason: string | null;
            /** @enum {string|null} */
            fulfilment: "none" | "erasure_started" | "erasure_scheduled" | "consent_withdrawn" | "export_pending" | "export_started" | null;
            history: components["schemas"]["PrivacyRequestEventDto"][];
            id: string;
            identityCheck: string | null;
            message: string | null;
            /** @description Open and past its deadline. */
            overdue: boolean;
            /** Format: date-time */
            receivedAt: string | null;
            rejectionReason: string | null;
            requesterEmail: string | null;
            /** @description null once the requester was erased. */
            requesterName: string | null;
            /** @enum {string} */
            status: "completed" | "cancelled" | "received" | "in_progress" | "unverified" | "awaiting_requester" | "rejected";
            /** @enum {string} */
            type: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
            /**
             * Format: date-time
             * @description Last change (for `updatedSince`).
             */
            updatedAt: string;
            version: number;
        };
        PrivacyRequestEventActorDto: {
            id: string | null;
            /** @enum {string} */
            kind: "user" | "api_key" | "system" | "requester";
            name: string | null;
        };
        PrivacyRequestEventDto: {
            actor: components["schemas"]["PrivacyRequestEventActorDto"];
            /** Format: date-time */
            at: string;
            /** @description Ids, dates and codes of the step (new due date, assignee id, matched subjects, erasure ids). */
            details: {
                [key: string]: unknown;
            };
            /** @enum {string|null} */
            fromStatus: "completed" | "cancelled" | "received" | "in_progress" | "unverified" | "awaiting_requester" | "rejected" | null;
            id: string;
            /** @enum {string|null} */
            toStatus: "completed" | "cancelled" | "received" | "in_progress" | "unverified" | "awaiting_requester" | "rejected" | null;
            /** @enum {string} */
            type: "completed" | "created" | "cancelled" | "awaiting_requester" | "rejected" | "verified" | "assigned" | "match_confirmed" | "extended" | "started" | "resumed" | "fulfilment" | "correction_applied" | "correction_kept";
        };
        PrivacyRequestExtendDto: {
            /**
             * @description Further months (Art. 12(3) GDPR: at most two).
             * @example 2
             */
            months: number;
            /** @description Emailed to the requester. */
            reason: string;
            /** @example 3 */
            version: number;
        };
        PrivacyRequestListResponseDto: {
            items: components["schemas"]["PrivacyRequestSummaryDto"][];
            nextCursor: string | null;
        };
        PrivacyRequestLogDto: {
            /**
             * @example email
             * @enum {string}
             */
            channel: "email" | "phone" | "post" | "in_person";
            /** @description Rectification only: each field at most once. */
            corrections?: components["schemas"]["ProposedCorrectionDto"][];
            /** Format: email */
            email: string;
            fullName: string;
            /** @description How the requester's identity was checked. */
            identityCheck: string;
            message?: string;
            /**
             * Format: date-time
             * @description When it arrived, if earlier than now (the deadline runs from then).
             */
            receivedAt?: string;
            /**
             * @example erasure
             * @enum {string}
             */
            type: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
        };
        PrivacyRequestMatchDto: {
            /** @description The candidates that are the requester (replaces the confirmed set). */
            subjects: components["schemas"]["MatchedSubjectDto"][];
            /** @example 3 */
            version: number;
        };
        PrivacyRequestRejectDto: {
            /** @description Emailed to the requester. */
            reason: string;
            /** @example 3 */
            version: number;
        };
        PrivacyRequestStatsResponseDto: {
            rows: components["schemas"]["PrivacyRequestStatsRowDto"][];
        };
        PrivacyRequestStatsRowDto: {
            closed: number;
            /** @description Mean days from receipt to close, of the closed ones. */
            daysToClose: number | null;
            /** @example 2026-11 */
            month: string;
            received: number;
            /** @enum {string} */
            type: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
        };
        PrivacyRequestSummaryDto: {
            assigneeId: string | null;
            assigneeName: string | null;
            /** @enum {string} */
            channel: "email" | "phone" | "post" | "form" | "privacy_center" | "in_person";
            /** Format: date-time */
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Whole days to the deadline by the server's clock; negative when overdue; null when closed or unverified. */
            daysLeft: number | null;
            /** Format: date-time */
            dueAt: string | null;
            extended: boolean;
            /** @enum {string|null} */
            fulfilment: "none" | "erasure_started" | "erasure_scheduled" | "consent_withdrawn" | "export_pending" | "export_started" | null;
            id: string;
            /** @description Open and past its deadline. */
            overdue: boolean;
            /** Format: date-time */
            receivedAt: string | null;
            requesterEmail: string | null;
            /** @description null once the requester was erased. */
            requesterName: string | null;
            /** @enum {string} */
            status: "completed" | "cancelled" | "received" | "in_progress" | "unverified" | "awaiting_requester" | "rejected";
            /** @enum {string} */
            type: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
            /**
             * Format: date-time
             * @description Last change (for `updatedSince`).
             */
            updatedAt: string;
            version: number;
        };
        PrivacyRequestVerifiedResponseDto: {
            /**
             * Format: date-time
             * @description The date by which the organization answers.
             */
            dueAt: string;
            organizationName: string;
            /** @enum {string} */
            type: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
        };
        PrivacyRequestVerifyDto: {
            token: string;
        };
        ProblemDto: {
            /** @description The error code, the last part of `type`. */
            code: string;
            detail: string;
            /** @description Per-field messages when validation failed. */
            errors?: components["schemas"]["ProblemFieldErrorDto"][];
            /** @description The request path. */
            instance: string;
            /** @description Quote this id when reporting a problem; it is in our logs. */
            requestId: string;
            status: number;
            title: string;
            /** @description Stable per error kind, e.g. `urn:steward:problem:validation-failed`. */
            type: string;
        };
        ProblemFieldErrorDto: {
            /** @description Path of the offending field, e.g. `address.city`. */
            field: string;
            message: string;
        };
        ProcessorInputDto: {
            /**
             * @example [
             *       "Account profile",
             *       "CRM records"
             *     ]
             */
            dataCategories: string[];
            /** @example 2026-01-15 */
            dpaDate: string | null;
            location: string;
            name: string;
            purpose: string;
            safeguard: string;
        };
        ProcessorListResponseDto: {
            items: components["schemas"]["ProcessorResponseDto"][];
        };
        ProcessorResponseDto: {
            dataCategories: string[];
            dpaDate: string | null;
            id: string;
            location: string;
            name: string;
            purpose: string;
            safeguard: string;
            version: number;
        };
        ProcessorUpdateDto: {
            /**
             * @example [
             *       "Account profile",
             *       "CRM records"
             *     ]
             */
            dataCategories: string[];
            /** @example 2026-01-15 */
            dpaDate: string | null;
            location: string;
            name: string;
            purpose: string;
            safeguard: string;
            version: number;
        };
        ProfileResponseDto: {
            branchIds: string[];
            company: string | null;
            /** Format: date-time */
            createdAt: string;
            email: string;
            emailVerified: boolean;
            fullName: string;
            id: string;
            jobTitle: string | null;
            mfaEnabled: boolean;
            organizationId: string;
            phone: string | null;
            preferences: components["schemas"]["PreferencesDto"];
            /** @example agent */
            role: string;
            version: number;
        };
        ProfileUpdateDto: {
            company?: string | null;
            fullName?: string;
            jobTitle?: string | null;
            /** @example +44 113 496 0000 */
            phone?: string | null;
            preferences?: components["schemas"]["PreferencesDto"];
        };
        ProposedCorrectionDto: {
            /**
             * @example phone
             * @enum {string}
             */
            field: "email" | "fullName" | "phone" | "jobTitle" | "company";
            /** @description The value the requester says is right. */
            value: string;
        };
        PublicConsentPurposeDto: {
            /** @example email */
            channel: string;
            /** @example marketing-email */
            key: string;
            name: string;
            /** @description Show exactly this to the person. */
            wording: string;
            /** @example 1 */
            wordingVersion: number;
        };
        PublicConsentPurposesResponseDto: {
            organizationName: string;
            purposes: components["schemas"]["PublicConsentPurposeDto"][];
        };
        PublicPrivacyRequestDto: {
            /** @description Rectification only: each field at most once. */
            corrections?: components["schemas"]["ProposedCorrectionDto"][];
            /**
             * Format: email
             * @description Where the verification link goes; the request is matched by it.
             * @example pat@example.com
             */
            email: string;
            fullName: string;
            /** @description What the person asks for, in their words (which data to correct, the question). */
            message?: string;
            /**
             * @description The right exercised.
             * @example erasure
             * @enum {string}
             */
            type: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
        };
        ReadinessResponseDto: {
            /** @description Each dependency and whether it answered. */
            checks: {
                [key: string]: string;
            };
            /**
             * @description `ok` when every dependency answers.
             * @enum {string}
             */
            status: "ok";
        };
        RecoveryCodesResponseDto: {
            /** @description Shown once. Each works once, in place of a code. */
            recoveryCodes: string[];
        };
        RenderedSectionDto: {
            /** @description Text after the facts. */
            closing: string;
            /**
             * @description The block of facts this section states, rendered from live settings; null for prose only.
             * @example retention
             * @enum {string|null}
             */
            facts: "contact" | "collected" | "purposes" | "retention" | "processors" | "cookies" | "minimum-age" | "residency" | "rights" | null;
            /**
             * @description Stable key of the section, unique in the document.
             * @example retention
             */
            key: string;
            /** @description Text before the facts; paragraphs separated by a blank line. */
            prose: string;
            /** @description The facts as the sentences a reader sees. */
            statements: string[];
            title: string;
        };
        RestrictionApplyDto: {
            /**
             * @description The ground of GDPR Art. 18(1): `accuracy_contested`, `unlawful_processing`,
             *     `legal_claims` or `objection_pending`. A code, so no one's words land in the audit trail.
             * @example accuracy_contested
             * @enum {string}
             */
            reason: "accuracy_contested" | "unlawful_processing" | "legal_claims" | "objection_pending";
        };
        RestrictionResponseDto: {
            /** @description Processing is restricted: the record is read-only and left out of marketing and exports. */
            restricted: boolean;
            /**
             * Format: date-time
             * @description Since when; null when not restricted.
             */
            restrictedAt: string | null;
        };
        RetentionBoundsDto: {
            /** @example 12 */
            max: number;
            /** @example 7 */
            min: number;
        };
        RetentionPeriodDto: {
            /**
             * @description Your organization's period in the rule's unit, within its bounds; null to use the platform's.
             * @example 10
             */
            value: number | null;
        };
        RetentionPreviewCategoryDto: {
            /** @example crm.invoices */
            category: string;
            eligible: number;
            held: number;
        };
        RetentionPreviewResponseDto: {
            /** @description Counts per category (a rule may cover several). */
            categories: components["schemas"]["RetentionPreviewCategoryDto"][];
            /**
             * Format: date-time
             * @description What started before this is past the period now.
             */
            cutoff: string;
            /**
             * @description Rows of your organization a run would purge now.
             * @example 42
             */
            eligible: number;
            /**
             * @description Rows past the period that a legal hold keeps.
             * @example 3
             */
            held: number;
            /** @description When the next rows will be past the period. */
            nextExpiries: string[];
            rule: components["schemas"]["RetentionRuleResponseDto"];
            /** @description A few ids of rows a run would purge now. */
            sampleIds: string[];
        };
        RetentionRuleListResponseDto: {
            items: components["schemas"]["RetentionRuleResponseDto"][];
        };
        RetentionRuleResponseDto: {
            /** @description Bounds within which your organization may set its own period; null when it may not. */
            adjustable: components["schemas"]["RetentionBoundsDto"] | null;
            /** @enum {string} */
            cadence: "nightly" | "hourly";
            /** @example invoices */
            key: string;
            /** @description Your organization's own period, or null when the platform's applies. */
            organizationValue: number | null;
            /**
             * @description The platform's period (the setting).
             * @example 7
             */
            platformValue: number;
            /** @description The sentence this period produces. */
            sentence: string;
            /**
             * @description The settings path the privacy policy reads too.
             * @example retention.invoiceYears
             */
            setting: string;
            title: string;
            /** @enum {string} */
            unit: "hours" | "days" | "months" | "years";
            /**
             * @description The period in force for your organization.
             * @example 7
             */
            value: number;
        };
        RetentionRunListResponseDto: {
            items: components["schemas"]["RetentionRunResponseDto"][];
            nextCursor: string | null;
            total: number;
        };
        RetentionRunResponseDto: {
            /** Format: date-time */
            cutoff: string;
            /** @description Null while running. */
            durationMs: number | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Rows of your organization past the period that a legal hold kept. */
            held: number;
            id: string;
            /** @description Your organization for a run on demand; null for the scheduled run over all organizations. */
            organizationId: string | null;
            /**
             * @description Rows of your organization purged, per category.
             * @example {
             *       "crm.invoices": 12
             *     }
             */
            purged: {
                [key: string]: number;
            };
            /** @example invoices */
            rule: string;
            /** @example retention.invoiceYears */
            setting: string;
            /**
             * @description The period in force when the run started.
             * @example 7
             */
            settingValue: number;
            /** Format: date-time */
            startedAt: string;
            /** @enum {string} */
            status: "running" | "completed" | "failed";
            /** @enum {string} */
            trigger: "schedule" | "manual";
        };
        RoleListResponseDto: {
            items: components["schemas"]["RoleResponseDto"][];
        };
        RoleResponseDto: {
            /** @description Sees only the records of the branches the person works in. */
            branchScoped: boolean;
            permissions: string[];
            /** @example manager */
            role: string;
        };
        ScheduleEntryCreateDto: {
            /** @description Book even though the assignee already has an entry at that time. */
            allowDoubleBooking?: boolean;
            /**
             * Format: uuid
             * @description Whose calendar. Agents book only their own.
             */
            assigneeId: string;
            /**
             * Format: uuid
             * @description The job's or the client's branch if omitted; required for an internal appointment.
             */
            branchId?: string;
            /**
             * Format: uuid
             * @description The job's client if omitted; none for an internal appointment.
             */
            clientId?: string | null;
            /**
             * @description After `startsAt`, at most 24 hours later.
             * @example 2030-05-31T11:00:00Z
             */
            endsAt: string;
            /**
             * Format: uuid
             * @description Required for a job visit.
             */
            jobId?: string | null;
            /**
             * @example job_visit
             * @enum {string}
             */
            kind: "appointment" | "job_visit";
            notes?: string | null;
            /** @example 2030-05-31T09:00:00Z */
            startsAt: string;
            title: string;
        };
        ScheduleEntryResponseDto: {
            /** @description The staff member whose calendar it is in. */
            assigneeId: string;
            branchId: string;
            clientId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            endsAt: string;
            id: string;
            jobId: string | null;
            /**
             * @example job_visit
             * @enum {string}
             */
            kind: "appointment" | "job_visit";
            notes: string | null;
            /** Format: date-time */
            startsAt: string;
            /**
             * @example planned
             * @enum {string}
             */
            status: "cancelled" | "done" | "planned";
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Send back in updates: a stale version is refused with 409 instead of overwriting. */
            version: number;
        };
        ScheduleEntryUpdateDto: {
            /** @description Keep the change even though the assignee already has an entry at that time. */
            allowDoubleBooking?: boolean;
            /**
             * Format: uuid
             * @description Moves the entry to another person's calendar (not for agents).
             */
            assigneeId?: string;
            endsAt?: string;
            notes?: string | null;
            startsAt?: string;
            /** @enum {string} */
            status?: "cancelled" | "done" | "planned";
            title?: string;
            /** @description The version you read; a stale one is refused with 409. */
            version: number;
        };
        ScheduleListResponseDto: {
            /** @description Entries overlapping the window, by start time. */
            items: components["schemas"]["ScheduleEntryResponseDto"][];
            /** @description True when the window held more entries than one answer carries (2000): ask for a narrower one. */
            truncated: boolean;
        };
        SectionChangeDto: {
            added: string[];
            key: string;
            removed: string[];
            title: string;
        };
        SecurityEventListResponseDto: {
            items: components["schemas"]["SecurityEventResponseDto"][];
        };
        SecurityEventResponseDto: {
            /** @example auth.sign_in */
            action: string;
            /** Format: date-time */
            at: string;
            /** @description You did it (true), or it concerned your account (a failed sign-in with your address). */
            byYou: boolean;
            ip: string | null;
            /** @enum {string} */
            outcome: "success" | "failure" | "denied";
            /** @description Position in the organization's audit chain. */
            seq: string;
            userAgent: string | null;
        };
        SessionListResponseDto: {
            items: components["schemas"]["SessionSummaryDto"][];
        };
        SessionResponseDto: {
            /** @description Send as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /** @description Seconds until the access token expires; refresh before then. */
            expiresIn: number;
            /** @example Bearer */
            tokenType: string;
            user: components["schemas"]["CurrentUserResponseDto"];
        };
        SessionSummaryDto: {
            /** @description This is the session making the request. */
            current: boolean;
            /** Format: date-time */
            expiresAt: string;
            /** @description The session (sign-in on one device); use it to sign that device out. */
            id: string;
            ip: string | null;
            /**
             * Format: date-time
             * @description When the device last renewed its access.
             */
            lastActiveAt: string;
            /** @description Kept across browser restarts ("keep me signed in"). */
            persistent: boolean;
            /** Format: date-time */
            signedInAt: string;
            /** @description Browser and operating system as the device reported them. */
            userAgent: string | null;
        };
        SignInDto: {
            /**
             * Format: email
             * @example owner@harbor-pine.test
             */
            email: string;
            /** @description Keep the session across browser restarts (30 days by default); otherwise it ends with the browser. */
            keepSignedIn?: boolean;
            /** @example harbor-pine-demo-2026 */
            password: string;
        };
        SignUpDto: {
            /** @description "I am at least the minimum age", instead of a date of birth. */
            confirmAge?: boolean;
            /**
             * @description Checked against the minimum age and then forgotten: never stored, never logged.
             * @example 1990-04-23
             */
            dateOfBirth?: string;
            /**
             * Format: email
             * @example ada@riverside.example
             */
            email: string;
            fullName: string;
            /** @description Your company: a new organization, with you as its owner. */
            organizationName: string;
            /** @description At least 12 characters; the commonest passwords are refused. */
            password: string;
        };
        SubscriptionResponseDto: {
            /** @description An owner may restore (terminated, and the purge has not begun). */
            canRestore: boolean;
            /** @description An owner may terminate (the subscription runs). */
            canTerminate: boolean;
            /** @description Whole days until endsAt while the subscription runs; null otherwise. */
            daysLeft: number | null;
            /** @description Whole days until purgeAt. */
            daysUntilPurge: number | null;
            /**
             * Format: date-time
             * @description When the subscription ended or was terminated.
             */
            endedAt: string | null;
            /**
             * Format: date-time
             * @description End of the current period (trial, active, past due) or of the contract (ended).
             */
            endsAt: string | null;
            organizationName: string;
            /**
             * Format: date-time
             * @description When an ended or terminated organization's data is deleted for good; null while it runs.
             */
            purgeAt: string | null;
            /** @description Days the data is kept after the subscription ends or is terminated (the privacy policy's promise). */
            retentionDays: number;
            /**
             * @description trial, active, past_due, ended or terminated.
             * @example active
             */
            state: string;
        };
        SubscriptionTerminateDto: {
            /** @description The organization's name, typed to confirm (compared ignoring case and surrounding spaces). */
            confirmName: string;
        };
        TaxPolicyCreateDto: {
            /**
             * Format: uuid
             * @description The branch it applies to; omit or null for the whole organization.
             */
            branchId?: string | null;
            /**
             * @description First day it applies.
             * @example 2026-04-01
             */
            effectiveFrom: string;
            /**
             * @description Last day it applies; omit or null for open-ended.
             * @example 2027-03-31
             */
            effectiveTo?: string | null;
            name: string;
            /**
             * @description exclusive: tax is added to the prices; inclusive: prices already include it.
             * @example exclusive
             * @enum {string}
             */
            pricing: "exclusive" | "inclusive";
            /** @description 1 to 20 rates with distinct codes. */
            rates: components["schemas"]["TaxRateDto"][];
        };
        TaxPolicyListResponseDto: {
            items: components["schemas"]["TaxPolicyResponseDto"][];
        };
        TaxPolicyResponseDto: {
            /** @description Null: the policy of the whole organization, used where a branch has none. */
            branchId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example 2026-04-01 */
            effectiveFrom: string;
            /** @description Last day it applies; null: open-ended. */
            effectiveTo: string | null;
            id: string;
            name: string;
            /**
             * @description Whether line prices include tax.
             * @example exclusive
             */
            pricing: string;
            rates: components["schemas"]["TaxRateDto"][];
            /** Format: date-time */
            updatedAt: string;
            /** @description Send back in updates: a stale version is refused with 409 instead of overwriting. */
            version: number;
        };
        TaxPolicyUpdateDto: {
            /** Format: uuid */
            branchId?: string | null;
            effectiveFrom?: string;
            effectiveTo?: string | null;
            name?: string;
            /** @enum {string} */
            pricing?: "exclusive" | "inclusive";
            rates?: components["schemas"]["TaxRateDto"][];
            /** @description The version you read; a stale one is refused with 409. */
            version: number;
        };
        TaxRateDto: {
            /**
             * @description Hundredths of a percent: 20% is 2000.
             * @example 2000
             */
            basisPoints: number;
            /**
             * @description Unique within the policy; invoice lines name it.
             * @example STD
             */
            code: string;
            name: string;
        };
        TokenDto: {
            /** @description The token from the emailed link. */
            token: string;
        };
        UsageBrowserResponseDto: {
            /**
             * @example Firefox
             * @enum {string}
             */
            browser: "Chrome" | "Edge" | "Firefox" | "Safari" | "Other";
            events: number;
            sessions: number;
        };
        UsageDayResponseDto: {
            /** @example 2026-11-03 */
            day: string;
            /** @description Features used that day. */
            features: number;
            /** @description Pages visited that day. */
            pageViews: number;
            /** @description Distinct sessions (one browser on one day) with events of the asked type(s). */
            sessions: number;
        };
        UsageEventBatchDto: {
            /**
             * Format: uuid
             * @description The consent id whose latest logged cookie choice accepts `analytics`: the proof of consent.
             */
            consentId: string;
            events: components["schemas"]["UsageEventDto"][];
        };
        UsageEventBatchResponseDto: {
            /** @example 3 */
            accepted: number;
        };
        UsageEventDto: {
            /**
             * @description A route pattern for a page view, a feature name for a feature.
             * @example /contacts/:id
             */
            name: string;
            /**
             * @example page-view
             * @enum {string}
             */
            type: "page-view" | "feature";
        };
        UsageNameResponseDto: {
            events: number;
            /**
             * @description A route pattern or feature name.
             * @example /contacts/:id
             */
            name: string;
            /** @description Sessions that used it, added up over the days. */
            sessions: number;
            /**
             * @example page-view
             * @enum {string}
             */
            type: "page-view" | "feature";
        };
        UsageReportResponseDto: {
            /** @description Events and sessions by browser family over the range. */
            browsers: components["schemas"]["UsageBrowserResponseDto"][];
            /** @description Every day of the range, oldest first; days without usage count zero. */
            days: components["schemas"]["UsageDayResponseDto"][];
            /** @example 2026-11-01 */
            from: string;
            /** @example 2026-11-30 */
            to: string;
            /** @description The ten most used pages and the ten most used features over the range. */
            top: components["schemas"]["UsageNameResponseDto"][];
        };
        UserInvitedResponseDto: {
            branchIds: string[];
            /** Format: date-time */
            createdAt: string;
            email: string;
            emailVerified: boolean;
            fullName: string;
            id: string;
            /**
             * @description `sent`: the mail server took it. `queued`: the mail server did not answer; the email is
             *     kept (sealed) and retried until it is sent, for up to MAIL_RETRY_HOURS. `failed`: the mail
             *     server refused it for good; send the invitation again later or to another address.
             * @example sent
             * @enum {string}
             */
            invitationEmail: "sent" | "queued" | "failed";
            jobTitle: string | null;
            /** Format: date-time */
            lastSignInAt: string | null;
            mfaEnabled: boolean;
            /** @example agent */
            role: string;
            /**
             * @description invited (has not accepted yet), active or disabled.
             * @example active
             */
            state: string;
            /**
             * Format: date-time
             * @description Last change of the account (for `updatedSince`).
             */
            updatedAt: string;
            version: number;
        };
        UserInviteDto: {
            /** @description Managers and agents need at least one. */
            branchIds: string[];
            /**
             * Format: email
             * @example sam@harbor-pine.test
             */
            email: string;
            fullName: string;
            jobTitle?: string;
            /**
             * @example agent
             * @enum {string}
             */
            role: "owner" | "admin" | "privacy_officer" | "manager" | "agent" | "viewer";
        };
        UserListResponseDto: {
            items: components["schemas"]["UserResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        UserResponseDto: {
            branchIds: string[];
            /** Format: date-time */
            createdAt: string;
            email: string;
            emailVerified: boolean;
            fullName: string;
            id: string;
            jobTitle: string | null;
            /** Format: date-time */
            lastSignInAt: string | null;
            mfaEnabled: boolean;
            /** @example agent */
            role: string;
            /**
             * @description invited (has not accepted yet), active or disabled.
             * @example active
             */
            state: string;
            /**
             * Format: date-time
             * @description Last change of the account (for `updatedSince`).
             */
            updatedAt: string;
            version: number;
        };
        UserUpdateDto: {
            branchIds?: string[];
            /** @enum {string} */
            role?: "owner" | "admin" | "privacy_officer" | "manager" | "agent" | "viewer";
            /** @description The version you read; a stale one is refused with 409. */
            version: number;
        };
        WebhookAttemptResponseDto: {
            /** Format: date-time */
            attemptedAt: string;
            /** @example 1 */
            attemptNumber: number;
            /** @example 112 */
            durationMs: number;
            /** @example receiver answered 500 */
            error: string | null;
            /** @example 500 */
            httpStatus: number | null;
            succeeded: boolean;
        };
        WebhookDeliveryListResponseDto: {
            items: components["schemas"]["WebhookDeliveryResponseDto"][];
            /** @description Pass as `cursor` for the next page; null on the last. */
            nextCursor: string | null;
        };
        WebhookDeliveryResponseDto: {
            /** @example 2 */
            attemptCount: number;
            /** @description Every attempt, oldest first. */
            attempts: components["schemas"]["WebhookAttemptResponseDto"][];
            /** Format: date-time */
            createdAt: string;
            endpointId: string;
            /**
             * @description The message's `webhook-id`, the same on every attempt.
             * @example msg_2KWPBgLlAfxdpx2AI54pPJ
             */
            eventId: string;
            /** @example subject.erased */
            eventType: string;
            id: string;
            /** Format: date-time */
            lastAttemptAt: string | null;
            /** @example 500 */
            lastHttpStatus: number | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /**
             * @description pending (attempts remain), succeeded or failed (the schedule ran out).
             * @example pending
             */
            status: string;
        };
        WebhookEndpointCreateDto: {
            /** @example Sync erasures to the data warehouse */
            description?: string;
            /** @description Disabled endpoints keep their settings and receive nothing. Default true. */
            enabled?: boolean;
            /**
             * @description Events to deliver: subject.erased, subject.restricted, subject.rectified, request.completed.
             * @example [
             *       "subject.erased",
             *       "request.completed"
             *     ]
             */
            eventTypes: string[];
            /**
             * @description Where deliveries are posted. Private, loopback, link-local and reserved addresses are
             *     refused unless the installation allows them (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES).
             * @example https://integrations.example.com/steward/webhooks
             */
            url: string;
        };
        WebhookEndpointListResponseDto: {
            items: components["schemas"]["WebhookEndpointResponseDto"][];
        };
        WebhookEndpointResponseDto: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            enabled: boolean;
            /**
             * @example [
             *       "subject.erased",
             *       "request.completed"
             *     ]
             */
            eventTypes: string[];
            id: string;
            /**
             * Format: date-time
             * @description Until then the previous secret signs too (a second signature); null outside a rotation.
             */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            updatedAt: string;
            /** @example https://integrations.example.com/steward/webhooks */
            url: string;
            /** @example 1 */
            version: number;
        };
        WebhookEndpointSecretResponseDto: {
            endpoint: components["schemas"]["WebhookEndpointResponseDto"];
            /**
             * @description The signing secret, in this answer only: verify deliveries with it (Standard Webhooks).
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        WebhookEndpointUpdateDto: {
            description?: string;
            enabled?: boolean;
            /**
             * @example [
             *       "subject.erased"
             *     ]
             */
            eventTypes?: string[];
            /** @example https://integrations.example.com/steward/webhooks */
            url?: string;
            /** @description The `version` you read; a stale one answers 409. */
            version: number;
        };
        WebhookTestResponseDto: {
            deliveryId: string;
            /**
             * @description The `webhook-id` of the test message.
             * @example msg_2KWPBgLlAfxdpx2AI54pPJ
             */
            eventId: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    recordUsageEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "consentId": "4f1c2d9e-8b7a-4c3d-9e2f-1a2b3c4d5e6f",
                 *       "events": [
                 *         {
                 *           "name": "/contacts/:id",
                 *           "type": "page-view"
                 *         },
                 *         {
                 *           "name": "contacts.export",
                 *           "type": "feature"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["UsageEventBatchDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            202: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageEventBatchResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getUsageReport: {
        parameters: {
            query: {
                /** @description First day (UTC, inclusive). */
                from: string;
                /** @description Last day (UTC, inclusive); at most 400 days after `from`. */
                to: string;
                /** @description Only page views or only features; both when left out. */
                type?: "page-view" | "feature";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageReportResponseDto"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListResponseDto"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "expiresAt": "2027-12-31T23:59:59Z",
                 *       "name": "Accounting sync",
                 *       "scopes": [
                 *         "clients:read",
                 *         "invoices:read"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ApiKeyCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "apiKey": {
                     *         "createdAt": "2026-12-07T10:15:02.000Z",
                     *         "expiresAt": "2027-12-31T23:59:59.000Z",
                     *         "id": "1e3c5a7f-9b2d-4f6e-8a1c-3b5d7f9e1a2c",
                     *         "lastUsedAt": null,
                     *         "lastUsedIp": null,
                     *         "name": "Accounting sync",
                     *         "prefix": "stw_3f9a1c2b7d",
                     *         "revokedAt": null,
                     *         "scopes": [
                     *           "clients:read",
                     *           "invoices:read"
                     *         ],
                     *         "updatedAt": "2026-12-07T10:15:02.000Z"
                     *       },
                     *       "secret": "stw_3f9a1c2b7d_M4UlzFoDNr5AXzkFbbeD_HC0nGys_E3ZRYqU2uIC8SY"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKeyCreatedResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponseDto"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listAuditActions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditActionsResponseDto"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description One action (`auth.sign_in`) or a family ending in a dot (`auth.`, `record.`). */
                action?: string;
                /** @description Only what this user or API key did. */
                actorId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Entries at or after this time. Example: `2026-11-01T00:00:00Z`. */
                from?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                outcome?: "success" | "failure" | "denied";
                /** @description The id of the thing acted on. */
                targetId?: string;
                /** @description The kind of thing acted on, e.g. `contact`, `user`, `api_key`. */
                targetType?: string;
                /** @description Entries before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditListResponseDto"];
                };
            };
        };
    };
    getAuditEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                seq: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryResponseDto"];
                };
            };
        };
    };
    exportAuditEntries: {
        parameters: {
            query?: {
                /** @description One action (`auth.sign_in`) or a family ending in a dot (`auth.`, `record.`). */
                action?: string;
                /** @description Only what this user or API key did. */
                actorId?: string;
                /** @description `csv` (a spreadsheet) or `json` (one array). */
                format?: "csv" | "json";
                /** @description Entries at or after this time. Example: `2026-11-01T00:00:00Z`. */
                from?: string;
                outcome?: "success" | "failure" | "denied";
                /** @description The id of the thing acted on. */
                targetId?: string;
                /** @description The kind of thing acted on, e.g. `contact`, `user`, `api_key`. */
                targetType?: string;
                /** @description Entries before this time. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description CSV with the columns seq, at, actorKind, actorId, actorName, action, targetType, targetId, outcome, requestId, ip, userAgent, details, or a JSON array */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verifyAuditTrail: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerificationResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    confirmEmailChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "the token from the emailed link"
                 *     }
                 */
                "application/json": components["schemas"]["TokenDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "confirmAge": true,
                 *       "password": "a long passphrase of your own",
                 *       "token": "the token from the emailed link"
                 *     }
                 */
                "application/json": components["schemas"]["InvitationAcceptDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    previewInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "the token from the emailed link"
                 *     }
                 */
                "application/json": components["schemas"]["TokenDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreviewResponseDto"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentUserResponseDto"];
                };
            };
        };
    };
    disable: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "123456",
                 *       "password": "your current password"
                 *     }
                 */
                "application/json": components["schemas"]["MfaDisableDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    startEnrolment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaEnrolmentResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    confirmEnrolment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "123456"
                 *     }
                 */
                "application/json": components["schemas"]["MfaCodeDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    regenerateRecoveryCodes: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "123456",
                 *       "password": "your current password"
                 *     }
                 */
                "application/json": components["schemas"]["MfaRecoveryCodesDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@riverside.example"
                 *     }
                 */
                "application/json": components["schemas"]["PasswordResetRequestDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If the email has an account, a link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "a new long passphrase",
                 *       "token": "the token from the emailed link"
                 *     }
                 */
                "application/json": components["schemas"]["PasswordResetConfirmDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    refreshSession: {
        parameters: {
            query?: never;
            header: {
                /** @description The value of the steward_csrf cookie */
                "x-csrf-token": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponseDto"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionListResponseDto"];
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    revokeAllSessions: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "owner@harbor-pine.test",
                 *       "keepSignedIn": false,
                 *       "password": "harbor-pine-demo-2026"
                 *     }
                 */
                "application/json": components["schemas"]["SignInDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "accessToken": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIyZjhkNGI2YSJ9.c2lnbmF0dXJl",
                     *       "expiresIn": 900,
                     *       "tokenType": "Bearer",
                     *       "user": {
                     *         "branchIds": [],
                     *         "email": "owner@harbor-pine.test",
                     *         "fullName": "Olivia Owens",
                     *         "id": "2f8d4b6a-7c1e-4d3b-9a5f-6e7d8c9b0a1f",
                     *         "jobTitle": "Managing Director",
                     *         "mfaEnabled": false,
                     *         "mfaEnrolmentRequired": false,
                     *         "organizationId": "6a4c2e8f-0b1d-4f3a-9c5e-7b9d1f3a5c7e",
                     *         "preferences": {
                     *           "language": "en",
                     *           "timeZone": "Europe/London"
                     *         },
                     *         "role": "owner"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SessionResponseDto"];
                };
            };
            /** @description Password accepted; a second factor is needed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaChallengeResponseDto"];
                };
            };
        };
    };
    completeSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "code": "123456",
                 *       "mfaToken": "the mfaToken of the sign-in answer"
                 *     }
                 */
                "application/json": components["schemas"]["MfaSignInDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponseDto"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required when the refresh cookie is sent */
                "x-csrf-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dateOfBirth": "1990-04-23",
                 *       "email": "ada@riverside.example",
                 *       "fullName": "Ada Lovelace",
                 *       "organizationName": "Riverside Plumbing",
                 *       "password": "a long passphrase of your own"
                 *     }
                 */
                "application/json": components["schemas"]["SignUpDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Check your email to confirm the address */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "the token from the emailed link"
                 *     }
                 */
                "application/json": components["schemas"]["TokenDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Confirmed; you can sign in */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@riverside.example"
                 *     }
                 */
                "application/json": components["schemas"]["EmailDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listBranches: {
        parameters: {
            query?: {
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchListResponseDto"];
                };
            };
        };
    };
    createBranch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Leeds"
                 *     }
                 */
                "application/json": components["schemas"]["BranchCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getBranch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchResponseDto"];
                };
            };
        };
    };
    deleteBranch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateBranch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Leeds city centre",
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["BranchUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchResponseDto"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: {
                branchId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                kind?: "company" | "individual";
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                ownerId?: string;
                /** @description Words to find in names, emails, companies; digits match the end of phone numbers. */
                q?: string;
                /** @description Newest first by default (oldest change first with `updatedSince`). Names are encrypted at rest, so lists sort by time. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt";
                tag?: string;
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "address": {
                     *             "city": "Leeds",
                     *             "country": "GB",
                     *             "line1": "14 Wharf Approach",
                     *             "postcode": "LS1 4BR"
                     *           },
                     *           "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *           "company": {
                     *             "industry": "Healthcare",
                     *             "legalName": "Riverside Dental Practice Ltd",
                     *             "vatNumber": "GB123456789"
                     *           },
                     *           "createdAt": "2026-11-02T09:00:00.000Z",
                     *           "email": "reception@riverside-dental.test",
                     *           "id": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *           "kind": "company",
                     *           "lastActivityAt": "2026-12-07T10:15:02.000Z",
                     *           "name": "Riverside Dental Practice",
                     *           "notes": null,
                     *           "ownerId": "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c",
                     *           "phone": "+44 113 496 0101",
                     *           "restricted": false,
                     *           "tags": [
                     *             "maintenance-plan"
                     *           ],
                     *           "updatedAt": "2026-12-07T10:15:02.000Z",
                     *           "version": 3
                     *         }
                     *       ],
                     *       "nextCursor": "eyJjIjoiMjAyNi0xMS0wMlQwOTowMDowMC4wMDBaIn0"
                     *     }
                     */
                    "application/json": components["schemas"]["ClientListResponseDto"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "address": {
                 *         "city": "Leeds",
                 *         "country": "GB",
                 *         "line1": "14 Wharf Approach",
                 *         "postcode": "LS1 4BR"
                 *       },
                 *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                 *       "company": {
                 *         "industry": "Healthcare",
                 *         "legalName": "Riverside Dental Practice Ltd",
                 *         "vatNumber": "GB123456789"
                 *       },
                 *       "email": "reception@riverside-dental.test",
                 *       "kind": "company",
                 *       "name": "Riverside Dental Practice",
                 *       "ownerId": "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c",
                 *       "phone": "+44 113 496 0101",
                 *       "tags": [
                 *         "maintenance-plan"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ClientCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "address": {
                     *         "city": "Leeds",
                     *         "country": "GB",
                     *         "line1": "14 Wharf Approach",
                     *         "postcode": "LS1 4BR"
                     *       },
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "company": {
                     *         "industry": "Healthcare",
                     *         "legalName": "Riverside Dental Practice Ltd",
                     *         "vatNumber": "GB123456789"
                     *       },
                     *       "createdAt": "2026-11-02T09:00:00.000Z",
                     *       "email": "reception@riverside-dental.test",
                     *       "id": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "kind": "company",
                     *       "lastActivityAt": null,
                     *       "name": "Riverside Dental Practice",
                     *       "notes": null,
                     *       "ownerId": "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c",
                     *       "phone": "+44 113 496 0101",
                     *       "restricted": false,
                     *       "tags": [
                     *         "maintenance-plan"
                     *       ],
                     *       "updatedAt": "2026-11-02T09:00:00.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ClientResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "address": {
                     *         "city": "Leeds",
                     *         "country": "GB",
                     *         "line1": "14 Wharf Approach",
                     *         "postcode": "LS1 4BR"
                     *       },
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "company": {
                     *         "industry": "Healthcare",
                     *         "legalName": "Riverside Dental Practice Ltd",
                     *         "vatNumber": "GB123456789"
                     *       },
                     *       "createdAt": "2026-11-02T09:00:00.000Z",
                     *       "email": "reception@riverside-dental.test",
                     *       "id": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "kind": "company",
                     *       "lastActivityAt": "2026-12-07T10:15:02.000Z",
                     *       "name": "Riverside Dental Practice",
                     *       "notes": null,
                     *       "ownerId": "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c",
                     *       "phone": "+44 113 496 0101",
                     *       "restricted": false,
                     *       "tags": [
                     *         "maintenance-plan"
                     *       ],
                     *       "updatedAt": "2026-12-07T10:15:02.000Z",
                     *       "version": 3
                     *     }
                     */
                    "application/json": components["schemas"]["ClientResponseDto"];
                };
            };
        };
    };
    deleteClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "notes": null,
                 *       "phone": "+44 113 496 0102",
                 *       "tags": [
                 *         "maintenance-plan",
                 *         "vip"
                 *       ],
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["ClientUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientResponseDto"];
                };
            };
        };
    };
    getClientActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityListResponseDto"];
                };
            };
        };
    };
    getClientBalance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientBalanceResponseDto"];
                };
            };
        };
    };
    restrictClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "accuracy_contested"
                 *     }
                 */
                "application/json": components["schemas"]["RestrictionApplyDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestrictionResponseDto"];
                };
            };
        };
    };
    liftClientRestriction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestrictionResponseDto"];
                };
            };
        };
    };
    listCommunications: {
        parameters: {
            query?: {
                authorId?: string;
                clientId?: string;
                contactId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                kind?: "call" | "email" | "meeting" | "note";
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "apiKeyId": "1e3c5a7f-9b2d-4f6e-8a1c-3b5d7f9e1a2c",
                     *           "authorId": null,
                     *           "authorName": null,
                     *           "body": "Asked for a quote for the annual service.",
                     *           "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *           "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *           "contactId": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                     *           "createdAt": "2026-12-07T10:15:02.000Z",
                     *           "direction": "inbound",
                     *           "durationMinutes": 12,
                     *           "id": "6b8d0f2e-1a3c-4e5b-a7d9-8f0e2c4a6b8d",
                     *           "kind": "call",
                     *           "occurredAt": "2026-12-07T10:15:02.000Z",
                     *           "subject": "Boiler service booked",
                     *           "updatedAt": "2026-12-07T10:15:02.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["CommunicationListResponseDto"];
                };
            };
        };
    };
    createCommunication: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "Asked for a quote for the annual service.",
                 *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                 *       "contactId": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                 *       "direction": "inbound",
                 *       "durationMinutes": 12,
                 *       "kind": "call",
                 *       "occurredAt": "2026-12-07T10:15:00Z",
                 *       "subject": "Boiler service booked"
                 *     }
                 */
                "application/json": components["schemas"]["CommunicationCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "apiKeyId": "1e3c5a7f-9b2d-4f6e-8a1c-3b5d7f9e1a2c",
                     *       "authorId": null,
                     *       "authorName": null,
                     *       "body": "Asked for a quote for the annual service.",
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "contactId": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                     *       "createdAt": "2026-12-07T10:15:02.000Z",
                     *       "direction": "inbound",
                     *       "durationMinutes": 12,
                     *       "id": "6b8d0f2e-1a3c-4e5b-a7d9-8f0e2c4a6b8d",
                     *       "kind": "call",
                     *       "occurredAt": "2026-12-07T10:15:02.000Z",
                     *       "subject": "Boiler service booked",
                     *       "updatedAt": "2026-12-07T10:15:02.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["CommunicationResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getCommunication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunicationResponseDto"];
                };
            };
        };
    };
    deleteCommunication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateCommunication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "durationMinutes": 15,
                 *       "subject": "Boiler service booked for Monday",
                 *       "version": 1
                 *     }
                 */
                "application/json": components["schemas"]["CommunicationUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunicationResponseDto"];
                };
            };
        };
    };
    listConsentPurposes: {
        parameters: {
            query?: {
                /** @description Include archived purposes (their history stays readable). */
                includeArchived?: boolean;
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentPurposeListResponseDto"];
                };
            };
        };
    };
    createConsentPurpose: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "channel": "email",
                 *       "key": "newsletter",
                 *       "marketing": true,
                 *       "name": "Monthly newsletter",
                 *       "wording": "Send me the monthly newsletter by email. I can unsubscribe at any time."
                 *     }
                 */
                "application/json": components["schemas"]["ConsentPurposeCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentPurposeDetailResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getConsentPurpose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentPurposeDetailResponseDto"];
                };
            };
        };
    };
    updateConsentPurpose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 1,
                 *       "wording": "Send me the newsletter by email, at most once a month. I can unsubscribe at any time."
                 *     }
                 */
                "application/json": components["schemas"]["ConsentPurposeUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentPurposeDetailResponseDto"];
                };
            };
        };
    };
    archiveConsentPurpose: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["ConsentPurposeArchiveDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentPurposeDetailResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getConsentRates: {
        parameters: {
            query?: {
                /** @description First day (UTC), YYYY-MM-DD; defaults to 29 days before `to`. Example: `2026-11-01`. */
                from?: string;
                /** @description One point per day or per week. Example: `day`. */
                interval?: "week" | "day";
                /** @description Last day (UTC), YYYY-MM-DD; defaults to today. Example: `2026-11-30`. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentRatesResponseDto"];
                };
            };
        };
    };
    recordCookieChoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "categories": [
                 *         "essential",
                 *         "analytics"
                 *       ],
                 *       "consentId": "4f1c2d9e-8b7a-4c3d-9e2f-1a2b3c4d5e6f",
                 *       "revision": 1
                 *     }
                 */
                "application/json": components["schemas"]["CookieChoiceDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CookieChoiceResponseDto"];
                };
            };
        };
    };
    getCookiePolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CookiePolicyResponseDto"];
                };
            };
        };
    };
    listContactLists: {
        parameters: {
            query?: {
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListsResponseDto"];
                };
            };
        };
    };
    createContactList: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "filter": {
                 *         "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                 *         "tag": "maintenance-plan"
                 *       },
                 *       "kind": "saved_filter",
                 *       "name": "Leeds maintenance plans",
                 *       "purposeKey": "marketing-email"
                 *     }
                 */
                "application/json": components["schemas"]["ContactListCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListItemResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getContactList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListItemResponseDto"];
                };
            };
        };
    };
    deleteContactList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateContactList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Leeds maintenance plans (2027)",
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["ContactListUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListItemResponseDto"];
                };
            };
        };
    };
    addContactListMembers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "contactIds": [
                 *         "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ContactListMembersDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListMembersAddedResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    removeContactListMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listContacts: {
        parameters: {
            query?: {
                branchId?: string;
                clientId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /** @description Contacts of a contact list (static members, or the saved filter applied). */
                listId?: string;
                ownerId?: string;
                /**
                 * @description Only contacts with a valid consent basis for this purpose (its key, e.g. `marketing-email`):
                 *     their latest ledger entry is a grant or a confirmed double opt-in. Applied in the query itself.
                 */
                purpose?: string;
                /** @description Words to find in names, emails, companies; digits match the end of phone numbers. */
                q?: string;
                /** @description Newest first by default (oldest change first with `updatedSince`). Names are encrypted at rest, so lists sort by time. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt";
                tag?: string;
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "address": null,
                     *           "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *           "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *           "createdAt": "2026-11-02T09:05:00.000Z",
                     *           "email": "helen@example.test",
                     *           "fullName": "Helen Okafor",
                     *           "id": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                     *           "jobTitle": "Practice manager",
                     *           "lastActivityAt": "2026-12-07T10:15:02.000Z",
                     *           "notes": null,
                     *           "ownerId": null,
                     *           "phone": "+44 113 496 0123",
                     *           "restricted": false,
                     *           "tags": [
                     *             "decision-maker"
                     *           ],
                     *           "updatedAt": "2026-12-07T10:15:02.000Z",
                     *           "version": 2
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["ContactListResponseDto"];
                };
            };
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                 *       "email": "helen@example.test",
                 *       "fullName": "Helen Okafor",
                 *       "jobTitle": "Practice manager",
                 *       "phone": "+44 113 496 0123",
                 *       "tags": [
                 *         "decision-maker"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ContactCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "address": null,
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "createdAt": "2026-11-02T09:05:00.000Z",
                     *       "email": "helen@example.test",
                     *       "fullName": "Helen Okafor",
                     *       "id": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                     *       "jobTitle": "Practice manager",
                     *       "lastActivityAt": null,
                     *       "notes": null,
                     *       "ownerId": null,
                     *       "phone": "+44 113 496 0123",
                     *       "restricted": false,
                     *       "tags": [
                     *         "decision-maker"
                     *       ],
                     *       "updatedAt": "2026-11-02T09:05:00.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getContactConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactConsentsResponseDto"];
                };
            };
        };
    };
    recordContactConsent: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "action": "granted",
                 *       "lawfulBasis": "consent",
                 *       "purposeKey": "marketing-email",
                 *       "source": "api",
                 *       "wordingVersion": 1
                 *     }
                 */
                "application/json": components["schemas"]["ContactConsentRecordDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactConsentsResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getContactConsentReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contactId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentReceiptDto"];
                };
            };
        };
    };
    getContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "address": null,
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "createdAt": "2026-11-02T09:05:00.000Z",
                     *       "email": "helen@example.test",
                     *       "fullName": "Helen Okafor",
                     *       "id": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                     *       "jobTitle": "Practice manager",
                     *       "lastActivityAt": "2026-12-07T10:15:02.000Z",
                     *       "notes": null,
                     *       "ownerId": null,
                     *       "phone": "+44 113 496 0123",
                     *       "restricted": false,
                     *       "tags": [
                     *         "decision-maker"
                     *       ],
                     *       "updatedAt": "2026-12-07T10:15:02.000Z",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "jobTitle": "Operations manager",
                 *       "phone": null,
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["ContactUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
                };
            };
        };
    };
    getContactActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityListResponseDto"];
                };
            };
        };
    };
    restrictContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "accuracy_contested"
                 *     }
                 */
                "application/json": components["schemas"]["RestrictionApplyDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestrictionResponseDto"];
                };
            };
        };
    };
    liftContactRestriction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RestrictionResponseDto"];
                };
            };
        };
    };
    exportContacts: {
        parameters: {
            query?: {
                branchId?: string;
                clientId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /** @description Contacts of a contact list (static members, or the saved filter applied). */
                listId?: string;
                ownerId?: string;
                /**
                 * @description Only contacts with a valid consent basis for this purpose (its key, e.g. `marketing-email`):
                 *     their latest ledger entry is a grant or a confirmed double opt-in. Applied in the query itself.
                 */
                purpose?: string;
                /** @description Words to find in names, emails, companies; digits match the end of phone numbers. */
                q?: string;
                /** @description Newest first by default (oldest change first with `updatedSince`). Names are encrypted at rest, so lists sort by time. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt";
                tag?: string;
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description CSV with the columns id, fullName, email, phone, jobTitle, client, branch, tags, line1, line2, city, region, postcode, country, notes, owner, createdAt, updatedAt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    importContacts: {
        parameters: {
            query?: {
                /** @description Validate only; create nothing. */
                dryRun?: boolean;
                /** @description Row number of this chunk's header in the whole file (1 for a whole file), so errors name the right rows. */
                firstRow?: number;
            };
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description CSV (UTF-8; comma, semicolon or tab) with a header row. Columns (any order, case and spacing): fullName, email, phone, jobTitle, client, branch, tags, line1, line2, city, region, postcode, country, notes; client and branch by name or id. At most 2000 rows per request. The rules: docs/api-guide.md, "CSV import and export". */
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactImportResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    startDataExport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "subjectId": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                 *       "subjectKind": "contact"
                 *     }
                 */
                "application/json": components["schemas"]["DataExportStartDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExportStartedResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getDataExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExportResponseDto"];
                };
            };
        };
    };
    downloadDataExport: {
        parameters: {
            query?: {
                /** @description The secret of the download link, as it was handed out (a link without it opens nothing: 404). */
                token?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The ZIP */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessResponseDto"];
                };
            };
        };
    };
    getHealthDetails: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDetailsResponseDto"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                branchId?: string;
                clientId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description The invoices of one job. */
                jobId?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /** @description true: only issued invoices past their due date. */
                overdue?: boolean;
                /** @description Newest first by default (oldest change first with `updatedSince`). */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt";
                status?: "draft" | "issued" | "paid" | "void";
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "balanceMinor": 13200,
                     *           "billTo": {
                     *             "address": {
                     *               "city": "Leeds",
                     *               "country": "GB",
                     *               "line1": "14 Wharf Approach",
                     *               "postcode": "LS1 4BR"
                     *             },
                     *             "email": "reception@riverside-dental.test",
                     *             "name": "Riverside Dental Practice"
                     *           },
                     *           "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *           "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *           "createdAt": "2026-12-07T10:15:02.000Z",
                     *           "currency": "GBP",
                     *           "deidentified": false,
                     *           "displayNumber": "INV-00042",
                     *           "dueDate": "2026-05-01",
                     *           "emailDelivery": "sent",
                     *           "emailedAt": "2026-12-07T10:15:02.000Z",
                     *           "id": "8d6b4f2a-5e3c-4a1b-8f9e-7d6c5b4a3f2e",
                     *           "issueDate": "2026-04-01",
                     *           "jobId": "3e5a7c9b-4f2d-4b1a-9c8e-5f6a7b8c9d0e",
                     *           "lines": [
                     *             {
                     *               "description": "Boiler service",
                     *               "grossMinor": 10200,
                     *               "netMinor": 8500,
                     *               "quantity": 1,
                     *               "quantityMilli": 1000,
                     *               "taxBasisPoints": 2000,
                     *               "taxCode": "STD",
                     *               "taxMinor": 1700,
                     *               "unitPriceMinor": 8500
                     *             },
                     *             {
                     *               "description": "Replacement valve",
                     *               "grossMinor": 3000,
                     *               "netMinor": 2500,
                     *               "quantity": 2,
                     *               "quantityMilli": 2000,
                     *               "taxBasisPoints": 2000,
                     *               "taxCode": "STD",
                     *               "taxMinor": 500,
                     *               "unitPriceMinor": 1250
                     *             }
                     *           ],
                     *           "number": 42,
                     *           "overdue": false,
                     *           "paidMinor": 0,
                     *           "pricing": "exclusive",
                     *           "status": "issued",
                     *           "subtotalMinor": 11000,
                     *           "taxMinor": 2200,
                     *           "taxPolicyId": "5c7e9a1b-3d2f-4e6a-8b0c-9d1e3f5a7b9c",
                     *           "totalMinor": 13200,
                     *           "updatedAt": "2026-12-07T10:15:02.000Z",
                     *           "version": 2
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["InvoiceListResponseDto"];
                };
            };
        };
    };
    createInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                 *       "currency": "GBP",
                 *       "dueDate": "2026-05-01",
                 *       "issueDate": "2026-04-01",
                 *       "jobId": "3e5a7c9b-4f2d-4b1a-9c8e-5f6a7b8c9d0e",
                 *       "lines": [
                 *         {
                 *           "description": "Boiler service",
                 *           "quantity": 1,
                 *           "taxCode": "STD",
                 *           "unitPriceMinor": 8500
                 *         },
                 *         {
                 *           "description": "Replacement valve",
                 *           "quantity": 2,
                 *           "taxCode": "STD",
                 *           "unitPriceMinor": 1250
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["InvoiceCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "balanceMinor": 13200,
                     *       "billTo": {
                     *         "address": {
                     *           "city": "Leeds",
                     *           "country": "GB",
                     *           "line1": "14 Wharf Approach",
                     *           "postcode": "LS1 4BR"
                     *         },
                     *         "email": "reception@riverside-dental.test",
                     *         "name": "Riverside Dental Practice"
                     *       },
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "createdAt": "2026-12-07T10:15:02.000Z",
                     *       "currency": "GBP",
                     *       "deidentified": false,
                     *       "displayNumber": "INV-00042",
                     *       "dueDate": "2026-05-01",
                     *       "emailDelivery": null,
                     *       "emailedAt": null,
                     *       "id": "8d6b4f2a-5e3c-4a1b-8f9e-7d6c5b4a3f2e",
                     *       "issueDate": "2026-04-01",
                     *       "jobId": "3e5a7c9b-4f2d-4b1a-9c8e-5f6a7b8c9d0e",
                     *       "lines": [
                     *         {
                     *           "description": "Boiler service",
                     *           "grossMinor": 10200,
                     *           "netMinor": 8500,
                     *           "quantity": 1,
                     *           "quantityMilli": 1000,
                     *           "taxBasisPoints": 2000,
                     *           "taxCode": "STD",
                     *           "taxMinor": 1700,
                     *           "unitPriceMinor": 8500
                     *         },
                     *         {
                     *           "description": "Replacement valve",
                     *           "grossMinor": 3000,
                     *           "netMinor": 2500,
                     *           "quantity": 2,
                     *           "quantityMilli": 2000,
                     *           "taxBasisPoints": 2000,
                     *           "taxCode": "STD",
                     *           "taxMinor": 500,
                     *           "unitPriceMinor": 1250
                     *         }
                     *       ],
                     *       "number": 42,
                     *       "overdue": false,
                     *       "paidMinor": 0,
                     *       "pricing": "exclusive",
                     *       "status": "draft",
                     *       "subtotalMinor": 11000,
                     *       "taxMinor": 2200,
                     *       "taxPolicyId": "5c7e9a1b-3d2f-4e6a-8b0c-9d1e3f5a7b9c",
                     *       "totalMinor": 13200,
                     *       "updatedAt": "2026-12-07T10:15:02.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "balanceMinor": 13200,
                     *       "billTo": {
                     *         "address": {
                     *           "city": "Leeds",
                     *           "country": "GB",
                     *           "line1": "14 Wharf Approach",
                     *           "postcode": "LS1 4BR"
                     *         },
                     *         "email": "reception@riverside-dental.test",
                     *         "name": "Riverside Dental Practice"
                     *       },
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "createdAt": "2026-12-07T10:15:02.000Z",
                     *       "currency": "GBP",
                     *       "deidentified": false,
                     *       "displayNumber": "INV-00042",
                     *       "dueDate": "2026-05-01",
                     *       "emailDelivery": "sent",
                     *       "emailedAt": "2026-12-07T10:15:02.000Z",
                     *       "id": "8d6b4f2a-5e3c-4a1b-8f9e-7d6c5b4a3f2e",
                     *       "issueDate": "2026-04-01",
                     *       "jobId": "3e5a7c9b-4f2d-4b1a-9c8e-5f6a7b8c9d0e",
                     *       "lines": [
                     *         {
                     *           "description": "Boiler service",
                     *           "grossMinor": 10200,
                     *           "netMinor": 8500,
                     *           "quantity": 1,
                     *           "quantityMilli": 1000,
                     *           "taxBasisPoints": 2000,
                     *           "taxCode": "STD",
                     *           "taxMinor": 1700,
                     *           "unitPriceMinor": 8500
                     *         },
                     *         {
                     *           "description": "Replacement valve",
                     *           "grossMinor": 3000,
                     *           "netMinor": 2500,
                     *           "quantity": 2,
                     *           "quantityMilli": 2000,
                     *           "taxBasisPoints": 2000,
                     *           "taxCode": "STD",
                     *           "taxMinor": 500,
                     *           "unitPriceMinor": 1250
                     *         }
                     *       ],
                     *       "number": 42,
                     *       "overdue": false,
                     *       "paidMinor": 0,
                     *       "pricing": "exclusive",
                     *       "status": "issued",
                     *       "subtotalMinor": 11000,
                     *       "taxMinor": 2200,
                     *       "taxPolicyId": "5c7e9a1b-3d2f-4e6a-8b0c-9d1e3f5a7b9c",
                     *       "totalMinor": 13200,
                     *       "updatedAt": "2026-12-07T10:15:02.000Z",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
        };
    };
    deleteInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dueDate": "2026-05-15",
                 *       "lines": [
                 *         {
                 *           "description": "Boiler service",
                 *           "quantity": 1,
                 *           "taxCode": "STD",
                 *           "unitPriceMinor": 8500
                 *         },
                 *         {
                 *           "description": "Replacement valve",
                 *           "quantity": 2,
                 *           "taxCode": "STD",
                 *           "unitPriceMinor": 1250
                 *         }
                 *       ],
                 *       "version": 1
                 *     }
                 */
                "application/json": components["schemas"]["InvoiceUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
        };
    };
    getInvoiceActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityListResponseDto"];
                };
            };
        };
    };
    issueInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dueDate": "2026-05-01",
                 *       "issueDate": "2026-04-01",
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["InvoiceIssueDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listInvoicePayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentListResponseDto"];
                };
            };
        };
    };
    recordInvoicePayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "amountMinor": 12000,
                 *       "method": "bank_transfer",
                 *       "paidOn": "2026-04-15",
                 *       "reference": "BACS 2291"
                 *     }
                 */
                "application/json": components["schemas"]["PaymentCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentRecordedResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getInvoicePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
        };
    };
    sendInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceSentResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    voidInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["InvoiceVersionDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    quoteInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                 *       "currency": "GBP",
                 *       "date": "2026-04-01",
                 *       "lines": [
                 *         {
                 *           "description": "Boiler service",
                 *           "quantity": 1,
                 *           "taxCode": "STD",
                 *           "unitPriceMinor": 8500
                 *         },
                 *         {
                 *           "description": "Replacement valve",
                 *           "quantity": 2,
                 *           "taxCode": "STD",
                 *           "unitPriceMinor": 1250
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["InvoiceQuoteDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceQuoteResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                /** @description A staff member's id, or `me` for your own jobs. */
                assigneeId?: string;
                branchId?: string;
                clientId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /** @description One priority or several, comma-separated (`high,urgent`) or repeated. */
                priority?: ("low" | "normal" | "high" | "urgent")[];
                /** @description Newest first by default (oldest change first with `updatedSince`). Titles are encrypted at rest, so lists sort by time. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt" | "-occurredAt" | "occurredAt";
                /** @description One status or several, comma-separated (`new,scheduled`) or repeated. */
                status?: ("completed" | "cancelled" | "new" | "scheduled" | "in_progress" | "invoiced")[];
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "assignedUserIds": [
                     *             "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c"
                     *           ],
                     *           "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *           "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *           "completedAt": null,
                     *           "createdAt": "2026-12-07T10:15:02.000Z",
                     *           "description": "Gas Safe check and service of the main boiler.",
                     *           "dueOn": "2030-05-31",
                     *           "id": "3e5a7c9b-4f2d-4b1a-9c8e-5f6a7b8c9d0e",
                     *           "number": 1042,
                     *           "priority": "normal",
                     *           "siteAddress": {
                     *             "city": "Leeds",
                     *             "country": "GB",
                     *             "line1": "14 Wharf Approach",
                     *             "postcode": "LS1 4BR"
                     *           },
                     *           "status": "scheduled",
                     *           "title": "Annual boiler service",
                     *           "updatedAt": "2026-12-07T10:15:02.000Z",
                     *           "version": 2
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["JobListResponseDto"];
                };
            };
        };
    };
    createJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "assignedUserIds": [
                 *         "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c"
                 *       ],
                 *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                 *       "description": "Gas Safe check and service of the main boiler.",
                 *       "dueOn": "2030-05-31",
                 *       "priority": "normal",
                 *       "siteAddress": {
                 *         "city": "Leeds",
                 *         "country": "GB",
                 *         "line1": "14 Wharf Approach",
                 *         "postcode": "LS1 4BR"
                 *       },
                 *       "title": "Annual boiler service"
                 *     }
                 */
                "application/json": components["schemas"]["JobCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "assignedUserIds": [
                     *         "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c"
                     *       ],
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "completedAt": null,
                     *       "createdAt": "2026-12-07T10:15:02.000Z",
                     *       "description": "Gas Safe check and service of the main boiler.",
                     *       "dueOn": "2030-05-31",
                     *       "id": "3e5a7c9b-4f2d-4b1a-9c8e-5f6a7b8c9d0e",
                     *       "number": 1042,
                     *       "priority": "normal",
                     *       "siteAddress": {
                     *         "city": "Leeds",
                     *         "country": "GB",
                     *         "line1": "14 Wharf Approach",
                     *         "postcode": "LS1 4BR"
                     *       },
                     *       "status": "new",
                     *       "title": "Annual boiler service",
                     *       "updatedAt": "2026-12-07T10:15:02.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["JobResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "assignedUserIds": [
                     *         "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c"
                     *       ],
                     *       "branchId": "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b",
                     *       "clientId": "5d3c8e2a-9f1b-4c7d-8e6f-2a1b3c4d5e6f",
                     *       "completedAt": null,
                     *       "createdAt": "2026-12-07T10:15:02.000Z",
                     *       "description": "Gas Safe check and service of the main boiler.",
                     *       "dueOn": "2030-05-31",
                     *       "id": "3e5a7c9b-4f2d-4b1a-9c8e-5f6a7b8c9d0e",
                     *       "number": 1042,
                     *       "priority": "normal",
                     *       "siteAddress": {
                     *         "city": "Leeds",
                     *         "country": "GB",
                     *         "line1": "14 Wharf Approach",
                     *         "postcode": "LS1 4BR"
                     *       },
                     *       "status": "scheduled",
                     *       "title": "Annual boiler service",
                     *       "updatedAt": "2026-12-07T10:15:02.000Z",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["JobResponseDto"];
                };
            };
        };
    };
    deleteJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dueOn": "2030-05-20",
                 *       "priority": "high",
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["JobUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponseDto"];
                };
            };
        };
    };
    getJobActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityListResponseDto"];
                };
            };
        };
    };
    changeJobStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "in_progress",
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["JobStatusChangeDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getJobBoard: {
        parameters: {
            query?: {
                /** @description A staff member's id, or `me` for your own jobs. */
                assigneeId?: string;
                branchId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobBoardResponseDto"];
                };
            };
        };
    };
    listLegalHolds: {
        parameters: {
            query?: {
                /** @description true: only holds in force; false: only released ones. */
                active?: boolean;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                scope?: "organization" | "subject" | "record";
                /** @description Holds naming this subject or record. */
                targetId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldListResponseDto"];
                };
            };
        };
    };
    createLegalHold: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "Claim 2026/117: keep everything about this person until the case closes.",
                 *       "scope": "subject",
                 *       "targetId": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                 *       "targetKind": "contact"
                 *     }
                 */
                "application/json": components["schemas"]["LegalHoldCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getLegalHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldResponseDto"];
                };
            };
        };
    };
    releaseLegalHold: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "Claim 2026/117 settled."
                 *     }
                 */
                "application/json": components["schemas"]["LegalHoldReleaseDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalHoldResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getMyCookieConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyCookieConsentResponseDto"];
                };
            };
        };
    };
    recordMyCookieChoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "categories": [
                 *         "essential"
                 *       ],
                 *       "consentId": "4f1c2d9e-8b7a-4c3d-9e2f-1a2b3c4d5e6f",
                 *       "revision": 1
                 *     }
                 */
                "application/json": components["schemas"]["CookieChoiceDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CookieChoiceResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    startMyDataExport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExportResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listMyDataExports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExportListResponseDto"];
                };
            };
        };
    };
    getMyDataExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataExportResponseDto"];
                };
            };
        };
    };
    downloadMyDataExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The ZIP */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
        };
    };
    status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyAcceptanceStatusDto"];
                };
            };
        };
    };
    accept: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "number": 2
                 *     }
                 */
                "application/json": components["schemas"]["PolicyAcceptDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyAcceptanceStatusDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listMyPrivacyRequests: {
        parameters: {
            query?: {
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPrivacyRequestsResponseDto"];
                };
            };
        };
    };
    createMyPrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "message": "Please send me a copy of my data.",
                 *       "type": "access"
                 *     }
                 */
                "application/json": components["schemas"]["MyPrivacyRequestCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPrivacyRequestResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getMyPrivacyRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPrivacyRequestResponseDto"];
                };
            };
        };
    };
    cancelMyPrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyPrivacyRequestResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    setOrganizationSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organizationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "endsAt": "2027-01-31T23:59:59Z",
                 *       "state": "active"
                 *     }
                 */
                "application/json": components["schemas"]["OperatorSubscriptionUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorSubscriptionResponseDto"];
                };
            };
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationResponseDto"];
                };
            };
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "accessTokenMinutes": 15,
                 *       "mfaRequired": true,
                 *       "name": "Harbor & Pine Field Services",
                 *       "version": 7
                 *     }
                 */
                "application/json": components["schemas"]["OrganizationUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationResponseDto"];
                };
            };
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
        };
    };
    restoreSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    terminateSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "confirmName": "Harbor & Pine Field Services"
                 *     }
                 */
                "application/json": components["schemas"]["SubscriptionTerminateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listPrivacyRequests: {
        parameters: {
            query?: {
                /** @description A user id, or `me`. */
                assigneeId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /** @description true: only open requests past their deadline. */
                overdue?: boolean;
                /** @description An email address (matched exactly, by its blind index) or a request id. */
                q?: string;
                status?: "completed" | "cancelled" | "received" | "in_progress" | "unverified" | "awaiting_requester" | "rejected";
                type?: "rectification" | "access" | "erasure" | "restriction" | "portability" | "objection" | "withdrawal" | "minor" | "inquiry";
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestListResponseDto"];
                };
            };
        };
    };
    logPrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "channel": "phone",
                 *       "email": "pat@example.com",
                 *       "fullName": "Pat Doe",
                 *       "identityCheck": "Called back on the number in the contact record",
                 *       "receivedAt": "2026-12-07T09:30:00Z",
                 *       "type": "objection"
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestLogDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPrivacyRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
        };
    };
    assignPrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "assigneeId": "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c",
                 *       "version": 1
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestAssignDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    awaitPrivacyRequester: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 4
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestActionDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    cancelPrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestActionDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    completePrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 5
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestActionDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    decidePrivacyRequestCorrection: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "decision": "apply",
                 *       "field": "phone",
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestCorrectionDecisionDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    extendPrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "months": 2,
                 *       "reason": "The request covers ten years of records in three branches.",
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestExtendDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    confirmPrivacyRequestMatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "subjects": [
                 *         {
                 *           "id": "7a2e4c6b-1d3f-4a5b-9c8d-3e4f5a6b7c8d",
                 *           "kind": "contact"
                 *         }
                 *       ],
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestMatchDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    rejectPrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "reason": "We hold no data about this address.",
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestRejectDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    startPrivacyRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestActionDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestDetailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getPrivacyRequestStats: {
        parameters: {
            query?: {
                /** @description Months back from now, 1–24. Example: `12`. */
                months?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestStatsResponseDto"];
                };
            };
        };
    };
    contact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyContactEnvelopeDto"];
                };
            };
        };
    };
    saveContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "authorityName": "Information Commissioner’s Office",
                 *       "authorityUrl": "https://ico.org.uk",
                 *       "controllerName": "Harbor & Pine Field Services Ltd",
                 *       "dpoEmail": "dpo@acme.example",
                 *       "dpoName": "Data Protection Officer",
                 *       "email": "privacy@acme.example",
                 *       "phone": "+44 113 496 0000",
                 *       "postalAddress": "14 Wharf Approach, Leeds LS1 4BR"
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyContactDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyContactEnvelopeDto"];
                };
            };
        };
    };
    draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDraftEnvelopeDto"];
                };
            };
        };
    };
    save: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sections": [
                 *         {
                 *           "closing": "Ask us if you want to know more.",
                 *           "facts": "retention",
                 *           "key": "retention",
                 *           "prose": "We keep records only as long as the law or our work with you needs them.",
                 *           "title": "How long we keep your data"
                 *         }
                 *       ],
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["PolicyDraftUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDraftResponseDto"];
                };
            };
        };
    };
    start: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDraftResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    discard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    publish: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "changeNote": "Shorter retention of call notes.",
                 *       "version": 3
                 *     }
                 */
                "application/json": components["schemas"]["PolicyPublishDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersionResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessorListResponseDto"];
                };
            };
        };
    };
    add: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dataCategories": [
                 *         "Account profile"
                 *       ],
                 *       "dpaDate": "2026-01-15",
                 *       "location": "United States",
                 *       "name": "Postmark",
                 *       "purpose": "Sends the emails of the product (sign-in links, notices).",
                 *       "safeguard": "EU Standard Contractual Clauses"
                 *     }
                 */
                "application/json": components["schemas"]["ProcessorInputDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessorResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getProcessor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessorResponseDto"];
                };
            };
        };
    };
    update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dataCategories": [
                 *         "Account profile"
                 *       ],
                 *       "dpaDate": "2026-01-15",
                 *       "location": "United States",
                 *       "name": "Postmark",
                 *       "purpose": "Sends the emails of the product (sign-in links, notices).",
                 *       "safeguard": "EU-US Data Privacy Framework",
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["ProcessorUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessorResponseDto"];
                };
            };
        };
    };
    remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                document: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    notice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDocumentResponseDto"];
                };
            };
        };
    };
    noticeHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyHistoryResponseDto"];
                };
            };
        };
    };
    noticeVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: number;
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersionResponseDto"];
                };
            };
        };
    };
    platform: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyDocumentResponseDto"];
                };
            };
        };
    };
    platformHistory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyHistoryResponseDto"];
                };
            };
        };
    };
    platformVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyVersionResponseDto"];
                };
            };
        };
    };
    getProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileResponseDto"];
                };
            };
        };
    };
    updateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "fullName": "Olive Owner",
                 *       "jobTitle": "Managing director",
                 *       "phone": "+44 113 496 0000",
                 *       "preferences": {
                 *         "language": "en",
                 *         "theme": "auto",
                 *         "timeZone": "Europe/London"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ProfileUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileResponseDto"];
                };
            };
        };
    };
    requestEmailChange: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "olive@harbor-pine.test",
                 *       "password": "your current password"
                 *     }
                 */
                "application/json": components["schemas"]["EmailChangeDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            202: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "currentPassword": "your current password",
                 *       "newPassword": "a new long passphrase"
                 *     }
                 */
                "application/json": components["schemas"]["PasswordChangeDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listSecurityEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecurityEventListResponseDto"];
                };
            };
        };
    };
    confirmConsents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "the token from the emailed link"
                 *     }
                 */
                "application/json": components["schemas"]["ConsentConfirmDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentConfirmResponseDto"];
                };
            };
        };
    };
    getPublicConsentPurposes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicConsentPurposesResponseDto"];
                };
            };
        };
    };
    requestConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "rita@example.com",
                 *       "fullName": "Rita Rivers",
                 *       "purposes": [
                 *         {
                 *           "purposeKey": "marketing-email",
                 *           "wordingVersion": 1
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ConsentOptInRequestDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If the address can receive it, a confirmation link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    submitPublicPrivacyRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "pat@example.com",
                 *       "fullName": "Pat Doe",
                 *       "message": "Please delete my data.",
                 *       "type": "erasure"
                 *     }
                 */
                "application/json": components["schemas"]["PublicPrivacyRequestDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If the address can receive it, a verification link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    verifyPrivacyRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "the token from the emailed link"
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyRequestVerifyDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivacyRequestVerifiedResponseDto"];
                };
            };
        };
    };
    listRetentionRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionRuleListResponseDto"];
                };
            };
        };
    };
    setRetentionPeriod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "value": 10
                 *     }
                 */
                "application/json": components["schemas"]["RetentionPeriodDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionRuleResponseDto"];
                };
            };
        };
    };
    previewRetentionRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionPreviewResponseDto"];
                };
            };
        };
    };
    runRetentionRule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            202: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionRunResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listRetentionRuns: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /** @description Only this rule's runs. Example: `invoices`. */
                rule?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionRunListResponseDto"];
                };
            };
        };
    };
    getRetentionRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionRunResponseDto"];
                };
            };
        };
    };
    listRoles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleListResponseDto"];
                };
            };
        };
    };
    listSchedule: {
        parameters: {
            query: {
                /** @description A staff member's id, or `me` for your own calendar. */
                assigneeId?: string;
                branchId?: string;
                /** @description Only the entries concerning this client. */
                clientId?: string;
                /** @description Start of the window (inclusive). */
                from: string;
                /** @description Only the visits of this job. */
                jobId?: string;
                /** @description End of the window (exclusive); at most 62 days after `from`. */
                to: string;
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleListResponseDto"];
                };
            };
        };
    };
    createScheduleEntry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "assigneeId": "9c4e6a8b-2d1f-4e3a-8b7c-4d5e6f7a8b9c",
                 *       "endsAt": "2030-05-31T11:00:00Z",
                 *       "jobId": "3e5a7c9b-4f2d-4b1a-9c8e-5f6a7b8c9d0e",
                 *       "kind": "job_visit",
                 *       "notes": "Park at the back; the side gate code is with reception.",
                 *       "startsAt": "2030-05-31T09:00:00Z",
                 *       "title": "Boiler service visit"
                 *     }
                 */
                "application/json": components["schemas"]["ScheduleEntryCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleEntryResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getScheduleEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleEntryResponseDto"];
                };
            };
        };
    };
    deleteScheduleEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateScheduleEntry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "endsAt": "2030-05-31T12:00:00Z",
                 *       "startsAt": "2030-05-31T10:00:00Z",
                 *       "version": 1
                 *     }
                 */
                "application/json": components["schemas"]["ScheduleEntryUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleEntryResponseDto"];
                };
            };
        };
    };
    getScheduleEntryActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityListResponseDto"];
                };
            };
        };
    };
    listTaxPolicies: {
        parameters: {
            query?: {
                /** @description Only policies in effect on this day. Example: `2026-04-01`. */
                at?: string;
                /** @description Only this branch's policies. */
                branchId?: string;
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxPolicyListResponseDto"];
                };
            };
        };
    };
    createTaxPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "effectiveFrom": "2026-04-01",
                 *       "name": "UK VAT",
                 *       "pricing": "exclusive",
                 *       "rates": [
                 *         {
                 *           "basisPoints": 2000,
                 *           "code": "STD",
                 *           "name": "Standard rate"
                 *         },
                 *         {
                 *           "basisPoints": 0,
                 *           "code": "ZERO",
                 *           "name": "Zero rate"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["TaxPolicyCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxPolicyResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getTaxPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxPolicyResponseDto"];
                };
            };
        };
    };
    deleteTaxPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateTaxPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "effectiveTo": "2027-03-31",
                 *       "version": 1
                 *     }
                 */
                "application/json": components["schemas"]["TaxPolicyUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxPolicyResponseDto"];
                };
            };
        };
    };
    getTaxPolicyActivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityListResponseDto"];
                };
            };
        };
    };
    getEffectiveTaxPolicy: {
        parameters: {
            query?: {
                /** @description The invoice's branch; omit for the organization-wide policy. */
                branchId?: string;
                /** @description The invoice date; today if omitted. Example: `2026-04-01`. */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxPolicyResponseDto"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Only people working in this branch. */
                branchId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /** @description Part of a name or email, any case. */
                q?: string;
                role?: "owner" | "admin" | "privacy_officer" | "manager" | "agent" | "viewer";
                state?: "active" | "invited" | "disabled";
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListResponseDto"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "branchIds": [
                 *         "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b"
                 *       ],
                 *       "role": "manager",
                 *       "version": 4
                 *     }
                 */
                "application/json": components["schemas"]["UserUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
        };
    };
    disableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    enableUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    resendInvitation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            202: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationEmailDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    cancelInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    inviteUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "branchIds": [
                 *         "0b1f6c2e-3a4d-4e5f-8a9b-1c2d3e4f5a6b"
                 *       ],
                 *       "email": "sam@harbor-pine.test",
                 *       "fullName": "Sam Carter",
                 *       "jobTitle": "Field engineer",
                 *       "role": "agent"
                 *     }
                 */
                "application/json": components["schemas"]["UserInviteDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserInvitedResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    retryWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            202: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /**
                 * @description Only records created or changed at or after this instant (ISO 8601 with `Z` or an offset).
                 *     Lists are then ordered by update time, oldest first (unless you choose another `sort`; the
                 *     calendar keeps its window's order), so a record changed while you page moves behind your
                 *     cursor and you meet it again rather than miss it. Deleted records are not listed: erasures arrive as the `subject.erased` webhook; records
                 *     deleted otherwise are found by comparing ids with a full read now and then. Example: `2026-11-01T08:00:00Z`.
                 */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointListResponseDto"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "Sync erasures to the data warehouse",
                 *       "enabled": true,
                 *       "eventTypes": [
                 *         "subject.erased",
                 *         "request.completed"
                 *       ],
                 *       "url": "https://integrations.example.com/steward/webhooks"
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEndpointCreateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointSecretResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointResponseDto"];
                };
            };
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": false,
                 *       "eventTypes": [
                 *         "subject.erased"
                 *       ],
                 *       "version": 2
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEndpointUpdateDto"];
            };
        };
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointResponseDto"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Example: `subject.erased`. */
                eventType?: string;
                /** @description Items per page, 1–100. Example: `50`. */
                limit?: number;
                /** @description Example: `failed`. */
                status?: "failed" | "pending" | "succeeded";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryListResponseDto"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointSecretResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    sendWebhookTest: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same method, path and body within the replay period (24 hours by default) answers the first 2xx answer again, marked `Idempotent-Replayed: true`, without doing the work twice. Keys are per caller (user or API key); use a new one (a UUID) for each new request. Example: `0b6e3f7c-4f5e-4d2b-9c67-1f2a3b4c5d6e`. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            202: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": "validation-failed",
                     *       "detail": "email must be an email address",
                     *       "errors": [
                     *         {
                     *           "field": "email",
                     *           "message": "email must be an email address"
                     *         }
                     *       ],
                     *       "instance": "/api/v1/contacts",
                     *       "requestId": "5f0c2d1e-8a4b-4c3e-9f1a-2b7d6e8c9a10",
                     *       "status": 400,
                     *       "title": "The request has invalid fields",
                     *       "type": "urn:steward:problem:validation-failed"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
