// Generated from openapi.json by `npm run openapi`. Do not edit.

export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys of your organization (never their secrets) */
        get: operations["listApiKeys"];
        put?: never;
        /** Create an API key; the secret is in this answer only */
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
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key at once */
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
        /** Every action the trail records */
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
        /** One entry, by its position in the chain */
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
        /** Confirm a new email address with the emailed token */
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
        /** What an invitation link is for: organization, name, role, minimum age */
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
        /** The signed-in user */
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
        /** Turn two-step verification off (password and a code; refused if the organization requires it) */
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
        /** Start setting up two-step verification: a secret and its QR code */
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
         */
        post: operations["confirmEnrolment"];
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
        /** Email a password-reset link (answers the same whether or not the account exists) */
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
        /** Set a new password with the emailed token; signs out every session */
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
        /** The devices you are signed in on */
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
        /** Sign one device out */
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
        /** Log out everywhere, this device included */
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
        /** Sign out: ends this session and clears its cookies */
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
        /** Confirm an email address with the emailed token */
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
        /** Send a new confirmation link (the same answer whether or not the account exists) */
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
        /** Branches of your organization */
        get: operations["listBranches"];
        put?: never;
        /** Add a branch */
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
        get?: never;
        put?: never;
        post?: never;
        /** Delete a branch; its people keep their other branches */
        delete: operations["deleteBranch"];
        options?: never;
        head?: never;
        /** Rename a branch */
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
         */
        get: operations["listClients"];
        put?: never;
        /** Add a client */
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
        /** One client */
        get: operations["getClient"];
        put?: never;
        post?: never;
        /**
         * Delete a client
         * @description Its jobs, appointments and communications go too; its invoices stay (they are kept for 7 years).
         */
        delete: operations["deleteClient"];
        options?: never;
        head?: never;
        /**
         * Change a client
         * @description Send the `version` you read; a stale one answers 409.
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
        /** Who created and changed the client, and which fields (never the values) */
        get: operations["getClientActivity"];
        put?: never;
        post?: never;
        delete?: never;
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
         */
        get: operations["listCommunications"];
        put?: never;
        /** Log a call, email, meeting or note with a client and/or contact */
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
        /** One communication */
        get: operations["getCommunication"];
        put?: never;
        post?: never;
        /** Delete a communication (agents: only their own) */
        delete: operations["deleteCommunication"];
        options?: never;
        head?: never;
        /** Correct a communication (agents: only their own) */
        patch: operations["updateCommunication"];
        trace?: never;
    };
    "/api/v1/contact-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contact lists: static ones and saved filters. Read members with GET /contacts?listId= */
        get: operations["listContactLists"];
        put?: never;
        /** Make a contact list */
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
        /** One contact list */
        get: operations["getContactList"];
        put?: never;
        post?: never;
        /** Delete a list (its contacts stay) */
        delete: operations["deleteContactList"];
        options?: never;
        head?: never;
        /** Rename a list or change a saved filter's criteria */
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
        /** Add contacts to a static list (already-members are ignored) */
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
        /** Take a contact off a static list */
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
         */
        get: operations["listContacts"];
        put?: never;
        /** Add a contact */
        post: operations["createContact"];
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
        /** One contact */
        get: operations["getContact"];
        put?: never;
        post?: never;
        /** Delete a contact and the communications logged with them */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Change a contact
         * @description Send the `version` you read; a stale one answers 409.
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
        /** Who created and changed the contact, and which fields (never the values) */
        get: operations["getContactActivity"];
        put?: never;
        post?: never;
        delete?: never;
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
        /** The filtered contacts as CSV (same filters as the list; all pages) */
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
         */
        post: operations["importContacts"];
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
        /** Liveness: the process is up */
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
        /** Readiness: the database answers and the process is not draining */
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
         * @description Cursor-paginated. `overdue=true` keeps issued invoices whose due date has passed.
         */
        get: operations["listInvoices"];
        put?: never;
        /**
         * Draft an invoice
         * @description Numbered at once; priced with the tax policy in effect on `issueDate` (today if none) as a preview. The bill-to name, email and address are copied from the client. 409 for a client whose processing is restricted.
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
        /** One invoice */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        /**
         * Delete a draft
         * @description Issued invoices are kept for 7 years: void them instead.
         */
        delete: operations["deleteInvoice"];
        options?: never;
        head?: never;
        /**
         * Change a draft
         * @description Send the `version` you read; a stale one answers 409. Issued invoices cannot change (409).
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
        /** Who created, changed, issued and voided the invoice, and which fields */
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
        /** Payments of an invoice, oldest first */
        get: operations["listInvoicePayments"];
        put?: never;
        /**
         * Record a payment
         * @description Issued invoices only. More than the balance is refused (409); reaching the total marks the invoice paid.
         */
        post: operations["recordInvoicePayment"];
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
         */
        get: operations["listJobs"];
        put?: never;
        /**
         * Open a job for a client
         * @description The job gets the next number of the organization and starts as `new`, in the client’s branch.
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
        /** One job */
        get: operations["getJob"];
        put?: never;
        post?: never;
        /**
         * Delete a job
         * @description Only new or cancelled jobs (409 otherwise); their visits go too.
         */
        delete: operations["deleteJob"];
        options?: never;
        head?: never;
        /**
         * Change a job
         * @description Send the `version` you read; a stale one answers 409. The status changes through /status.
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
        /** Who created and changed the job, and which fields (never the values) */
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
    "/api/v1/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organization and its settings */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change organization settings (minimum user age, MFA, session lifetimes) */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/api/v1/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your profile */
        get: operations["getProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your name, phone, job title, company or preferences */
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
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The roles and what each may do (the permission matrix) */
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
         */
        get: operations["listSchedule"];
        put?: never;
        /**
         * Book an appointment or a job visit
         * @description A person cannot be in two places at once: when the assignee has a planned or done entry overlapping the time, the answer is 409 with the clashing entries in `conflicts` ({id, startsAt, endsAt}), unless `allowDoubleBooking` is true. Booking the first visit of a new job moves the job to scheduled. Agents book only their own calendar.
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
        /** One calendar entry */
        get: operations["getScheduleEntry"];
        put?: never;
        post?: never;
        /** Remove a calendar entry */
        delete: operations["deleteScheduleEntry"];
        options?: never;
        head?: never;
        /**
         * Move, reassign or change a calendar entry
         * @description Send the `version` you read; a stale one answers 409. A person cannot be in two places at once: when the assignee has a planned or done entry overlapping the time, the answer is 409 with the clashing entries in `conflicts` ({id, startsAt, endsAt}), unless `allowDoubleBooking` is true.
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
        /** Who booked and changed the entry, and which fields (never the values) */
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
         */
        get: operations["listTaxPolicies"];
        put?: never;
        /**
         * Add a tax policy
         * @description Two policies of the same scope (one branch, or the whole organization) cannot share a day: 409.
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
        /** One tax policy */
        get: operations["getTaxPolicy"];
        put?: never;
        post?: never;
        /**
         * Delete a tax policy
         * @description Refused (409) once an issued invoice used it.
         */
        delete: operations["deleteTaxPolicy"];
        options?: never;
        head?: never;
        /**
         * Change a tax policy
         * @description Send the `version` you read; a stale one answers 409. Once issued invoices used the policy, its rates, pricing and branch are fixed and its days must keep covering their dates (409).
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
        /** Who created and changed the tax policy, and which fields */
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
        /** One person of your organization */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a person's role or branches
         * @description Takes effect on their next request. Nobody changes their own access; only owners touch owners.
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
        /** Disable an account: no more sign-ins, every session ends; records stay */
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
        /** Enable a disabled account again */
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
        /** Send the invitation again (the earlier link stops working) */
        post: operations["resendInvitation"];
        /** Withdraw an invitation nobody accepted; the invited person is deleted */
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
         * @description Emails a single-use link that works for 7 days. The person appears with state `invited` until they accept.
         */
        post: operations["inviteUser"];
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
            /** @description Permissions of the matrix, e.g. `branches:read`. You can only grant what your role holds. */
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
             * @description One of: auth.sign_in, auth.sign_in.mfa, auth.sign_out, auth.lockout, auth.session.revoked, auth.sessions.revoked_all, auth.session.replayed, auth.password.changed, auth.password.reset, auth.email.change_requested, auth.email.changed, auth.mfa.enrolled, auth.mfa.disabled, api_key.created, api_key.used, api_key.revoked, access.denied, organization.created, user.created, user.email_verified, user.invited, user.invitation_accepted, user.invitation_cancelled, user.role_changed, user.disabled, user.enabled, user.profile_updated, organization.updated, branch.created, branch.updated, branch.deleted, personal_data.viewed, personal_data.exported, record.created, record.updated, record.deleted, audit.exported, audit.verified, audit.purged, retention.purged, privacy.erasure.started, privacy.erasure.category, privacy.erasure.completed.
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
            version: number;
        };
        BranchUpdateDto: {
            name: string;
            version: number;
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
        HealthDetailsResponseDto: {
            /** @description One entry per registered job. */
            jobs: components["schemas"]["JobQueueHealthDto"][];
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
            status: "cancelled" | "new" | "scheduled" | "in_progress" | "completed" | "invoiced";
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
            status: "cancelled" | "new" | "scheduled" | "in_progress" | "completed" | "invoiced";
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
            status: "cancelled" | "new" | "scheduled" | "in_progress" | "completed" | "invoiced";
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
        LivenessResponseDto: {
            /**
             * @description Always `ok` while the process serves requests.
             * @enum {string}
             */
            status: "ok";
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
        MfaSignInDto: {
            /** @description The 6-digit code of the authenticator app. */
            code?: string;
            mfaToken: string;
            /** @description One of the recovery codes, instead of a code. */
            recoveryCode?: string;
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
            status: "cancelled" | "planned" | "done";
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
            status?: "cancelled" | "planned" | "done";
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
            version: number;
        };
        UserUpdateDto: {
            branchIds?: string[];
            /** @enum {string} */
            role?: "owner" | "admin" | "privacy_officer" | "manager" | "agent" | "viewer";
            /** @description The version you read; a stale one is refused with 409. */
            version: number;
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
    listApiKeys: {
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreatedResponseDto"];
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
                /** @description Entries at or after this time. */
                from?: string;
                /** @description Items per page, 1–100. */
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
                /** @description Entries at or after this time. */
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerificationResponseDto"];
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
    startEnrolment: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MfaEnrolmentResponseDto"];
                };
            };
        };
    };
    confirmEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesResponseDto"];
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
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
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
                /** @description Items per page, 1–100. */
                limit?: number;
                ownerId?: string;
                /** @description Words to find in names, emails, companies; digits match the end of phone numbers. */
                q?: string;
                /** @description Newest first by default. Names are encrypted at rest, so lists sort by time. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt";
                tag?: string;
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientListResponseDto"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClientResponseDto"];
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
    listCommunications: {
        parameters: {
            query?: {
                authorId?: string;
                clientId?: string;
                contactId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                kind?: "call" | "email" | "meeting" | "note";
                /** @description Items per page, 1–100. */
                limit?: number;
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunicationListResponseDto"];
                };
            };
        };
    };
    createCommunication: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommunicationResponseDto"];
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
    listContactLists: {
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListItemResponseDto"];
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
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListMembersAddedResponseDto"];
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
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description Contacts of a contact list (static members, or the saved filter applied). */
                listId?: string;
                ownerId?: string;
                /** @description Words to find in names, emails, companies; digits match the end of phone numbers. */
                q?: string;
                /** @description Newest first by default. Names are encrypted at rest, so lists sort by time. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt";
                tag?: string;
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactListResponseDto"];
                };
            };
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactResponseDto"];
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
    exportContacts: {
        parameters: {
            query?: {
                branchId?: string;
                clientId?: string;
                /** @description The `nextCursor` of the previous page; omit for the first page. */
                cursor?: string;
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description Contacts of a contact list (static members, or the saved filter applied). */
                listId?: string;
                ownerId?: string;
                /** @description Words to find in names, emails, companies; digits match the end of phone numbers. */
                q?: string;
                /** @description Newest first by default. Names are encrypted at rest, so lists sort by time. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt";
                tag?: string;
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description CSV with the columns id, fullName, email, phone, jobTitle, clientId, branch, tags, line1, line2, city, region, postcode, country, notes, ownerId, createdAt, updatedAt */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description CSV with a header row. Columns (any order and case): fullName, email, phone, jobTitle, clientId, branch, tags, line1, line2, city, region, postcode, country, notes. At most 2000 rows per request. */
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContactImportResponseDto"];
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
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description true: only issued invoices past their due date. */
                overdue?: boolean;
                /** @description Newest first by default. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt";
                status?: "draft" | "issued" | "paid" | "void";
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceListResponseDto"];
                };
            };
        };
    };
    createInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponseDto"];
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
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentRecordedResponseDto"];
                };
            };
        };
    };
    voidInvoice: {
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
    quoteInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceQuoteResponseDto"];
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
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description One priority or several, comma-separated (`high,urgent`) or repeated. */
                priority?: ("low" | "normal" | "high" | "urgent")[];
                /** @description Newest first by default. Titles are encrypted at rest, so lists sort by time. */
                sort?: "createdAt" | "updatedAt" | "-createdAt" | "-updatedAt" | "-occurredAt" | "occurredAt";
                /** @description One status or several, comma-separated (`new,scheduled`) or repeated. */
                status?: ("cancelled" | "new" | "scheduled" | "in_progress" | "completed" | "invoiced")[];
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobListResponseDto"];
                };
            };
        };
    };
    createJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobResponseDto"];
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
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleEntryResponseDto"];
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
                /** @description Only policies in effect on this day. */
                at?: string;
                /** @description Only this branch's policies. */
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxPolicyResponseDto"];
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
                /** @description The invoice date; today if omitted. */
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
                /** @description Items per page, 1–100. */
                limit?: number;
                /** @description Part of a name or email, any case. */
                q?: string;
                role?: "owner" | "admin" | "privacy_officer" | "manager" | "agent" | "viewer";
                state?: "active" | "invited" | "disabled";
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
    enableUser: {
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
    resendInvitation: {
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
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
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
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponseDto"];
                };
            };
        };
    };
}
