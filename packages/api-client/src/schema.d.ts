/* Generated from openapi.json by `npm run api:generate`. Do not edit. */
export interface paths {
    "/api/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["App_info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Health_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List watched containers (a bare array, as WUD returns it); optional sort, offset and limit. */
        get: operations["Containers_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sync every watcher now and return the containers. */
        post: operations["Containers_watchAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One container. */
        get: operations["Containers_get"];
        put?: never;
        post?: never;
        /** Forget a container (the store record only). */
        delete: operations["Containers_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-read one container from its engine and check it against its registry now. */
        post: operations["Containers_watchOne"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The detection trace of the last check: which tags were considered, which rule dropped each, why the candidate won. */
        get: operations["Containers_decision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watchers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Watchers_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watchers/docker/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Watchers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Registries_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/registries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Registries_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every trigger (environment-defined ones are read-only); secrets masked. */
        get: operations["Triggers_list"];
        put?: never;
        /** Create a trigger (stored in the database, secrets encrypted). */
        post: operations["Triggers_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/triggers/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trigger types with the fields of their configuration (drives the UI forms). */
        get: operations["Triggers_types"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/triggers/{type}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Triggers_get"];
        /** Replace a trigger’s settings (a secret left out keeps its value). Environment-defined triggers: 409. */
        put: operations["Triggers_update"];
        post?: never;
        delete: operations["Triggers_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/triggers/{type}/{name}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a sample event (or a given container) now and return the outcome. */
        post: operations["Triggers_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers/{id}/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Triggers that apply to a container, with its threshold. */
        get: operations["Triggers_forContainer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers/{id}/triggers/{type}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a trigger for a container now (for update triggers, this is the Update button). */
        post: operations["Triggers_runForContainer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trigger runs, newest first: filter by trigger, container, status, event, time range; paginated. */
        get: operations["History_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/history/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue the failed delivery of this run again. */
        post: operations["History_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live changes (Server-Sent Events): containers, removed, history, heartbeat. */
        get: operations["Events_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Metrics_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Readiness_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/registry/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Registry push notification
         * @description Accepts a push notification from a registry (CNCF distribution, Docker Hub, GitHub packages, Harbor, Quay, Gitea/Forgejo, ACR) or a generic {image, tag} body. Authenticated with the registry's WEBHOOK_TOKEN: Authorization: Bearer <token>, a ?token= query parameter, or an X-Hub-Signature-256 / X-Gitea-Signature HMAC of the body.
         */
        post: operations["Webhooks_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the login page needs: setup pending, OIDC providers, and the signed-in user of this browser (public). */
        get: operations["Auth_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a user name and password: starts a session (http-only cookie) and returns the CSRF token. */
        post: operations["Auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** First start: create the admin with the one-time token from the server log, and sign in. */
        post: operations["Auth_setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this browser’s session. */
        post: operations["Auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller: user, role, how they authenticated (and the CSRF token of a session). */
        get: operations["Auth_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (local users); your other sessions end. */
        post: operations["Auth_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your sessions (browsers where you are signed in). */
        get: operations["Auth_listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign one of your sessions out. */
        delete: operations["Auth_revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens (never the tokens themselves). */
        get: operations["Auth_listTokens"];
        put?: never;
        /** Create a personal API token (shown once) for Authorization: Bearer. */
        post: operations["Auth_createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your API tokens. */
        delete: operations["Auth_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/{name}/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start signing in with an OIDC provider (redirects to it; ?next=/path to come back to). */
        get: operations["Auth_oidcLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/oidc/{name}/cb": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OIDC redirect URI: finishes the sign-in and redirects to the app (or to /login?error=…). */
        get: operations["Auth_oidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user (admins only). */
        get: operations["Users_list"];
        put?: never;
        /** Create a local user (password hashed with argon2id). */
        post: operations["Users_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Users_get"];
        put?: never;
        post?: never;
        /** Delete a user with their sessions and API tokens. Environment users: 409. */
        delete: operations["Users_remove"];
        options?: never;
        head?: never;
        /** Change a user’s role, password or disabled flag. Environment users: 409. */
        patch: operations["Users_update"];
        trace?: never;
    };
    "/api/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign a user out everywhere. */
        delete: operations["Users_revokeSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (admins only): every state-changing request, sign-ins included. */
        get: operations["Audit_list"];
        put?: never;
        post?: never;
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
        AppInfoDto: {
            /** @example tidewatch */
            name: string;
            /** @example 0.1.0 */
            version: string;
        };
        HealthDto: {
            /** @example ok */
            status: string;
            /** @description Seconds since the server started. */
            uptime: number;
        };
        RegistryRefDto: {
            /** @example hub.public */
            name: string;
            /** @example https://registry-1.docker.io/v2 */
            url: string;
        };
        ImageTagDto: {
            /** @example 1.25.3 */
            value: string;
            /** @description Whether the tag is version-like (compared by version, not only by digest). */
            semver: boolean;
        };
        ImageDigestDto: {
            /** @description Whether the digest of the current tag is watched. */
            watch: boolean;
            /** @description Digest of the running image for its platform. */
            value: string | null;
            /** @description Repository digest the local image was pulled by. */
            repo: string | null;
        };
        ContainerImageDto: {
            /** @example sha256:… */
            id: string;
            registry: components["schemas"]["RegistryRefDto"];
            /** @example library/nginx */
            name: string;
            tag: components["schemas"]["ImageTagDto"];
            digest: components["schemas"]["ImageDigestDto"];
            /** @example amd64 */
            architecture: string | null;
            /** @example linux */
            os: string | null;
            variant: string | null;
            /** Format: date-time */
            created: string | null;
        };
        ContainerResultDto: {
            /** @example 1.27.0 */
            tag: string | null;
            digest: string | null;
            link: string | null;
            /** Format: date-time */
            created: string | null;
        };
        ContainerErrorDto: {
            message: string;
        };
        UpdateKindDto: {
            /** @enum {string} */
            kind: "tag" | "digest" | "unknown";
            localValue: string | null;
            remoteValue: string | null;
            /** @enum {string|null} */
            semverDiff: "major" | "minor" | "patch" | "prerelease" | "unknown" | null;
        };
        ContainerDto: {
            /** @description Docker container ID. */
            id: string;
            name: string;
            displayName: string;
            /** @example mdi:docker */
            displayIcon: string;
            /** @example running */
            status: string;
            /** @example local */
            watcher: string;
            includeTags: string | null;
            excludeTags: string | null;
            transformTags: string | null;
            linkTemplate: string | null;
            link: string | null;
            triggerInclude: string | null;
            triggerExclude: string | null;
            image: components["schemas"]["ContainerImageDto"];
            result: components["schemas"]["ContainerResultDto"] | null;
            error: components["schemas"]["ContainerErrorDto"] | null;
            updateAvailable: boolean;
            updateKind: components["schemas"]["UpdateKindDto"] | null;
            labels: {
                [key: string]: string;
            };
            /** @description Stable identity that survives recreation (compose project/service or watcher/name). */
            identity: string;
            /**
             * Format: date-time
             * @description When the container was last checked against its registry.
             */
            checkedAt: string | null;
        };
        ErrorDto: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /** @example updateAvailable must be true or false */
            message: string;
        };
        DecisionEntryDto: {
            tag: string;
            /** @enum {string} */
            verdict: "candidate" | "dropped";
            /** @description Rule that decided: excluded, not-included, not-version, signature, different-shape, prerelease, not-newer, current, … */
            reason: string;
            detail?: string;
        };
        DigestDecisionDto: {
            watched: boolean;
            local: string | null;
            remote: string | null;
            upToDate: boolean | null;
        };
        DecisionDto: {
            containerId: string;
            /** Format: date-time */
            checkedAt: string | null;
            /** @description False until the container has been checked. */
            checked: boolean;
            currentTag: string | null;
            transformedCurrent: string | null;
            /** @description Whether the tag is version-like and compared with other tags. */
            tracked: boolean;
            candidate: string | null;
            /** @description Why the candidate won, or why there is none. */
            reason: string | null;
            totalTags: number;
            droppedByReason: {
                [key: string]: number;
            };
            /** @description Candidates first, then a sample of dropped tags. */
            considered: components["schemas"]["DecisionEntryDto"][];
            digest: components["schemas"]["DigestDecisionDto"] | null;
            error: string | null;
        };
        WatcherDto: {
            /** @example docker.local */
            id: string;
            /** @example docker */
            type: string;
            /** @example local */
            name: string;
            /** @description Settings, secrets masked. */
            configuration: {
                [key: string]: unknown;
            };
            /** @description Whether the last contact with the engine succeeded. */
            connected: boolean;
            /** Format: date-time */
            lastCheck: string | null;
            /** Format: date-time */
            nextCheck: string | null;
            lastError: string | null;
            containerCount: number;
        };
        RateLimitDto: {
            limit: number;
            remaining: number;
            /** @description Window length in seconds (Docker Hub: 21600). */
            windowSeconds?: number;
            /** Format: date-time */
            updatedAt: string;
        };
        RequestCountDto: {
            /** @example manifest-head */
            kind: string;
            /** @example 200 */
            status: string;
            count: number;
        };
        RegistryDto: {
            /** @example hub.public */
            id: string;
            /** @example hub */
            type: string;
            /** @example public */
            name: string;
            /** @example https://registry-1.docker.io/v2 */
            url: string;
            /** @description Settings, secrets masked (ab****yz). */
            configuration: {
                [key: string]: string;
            };
            /** @description Last ratelimit-limit / ratelimit-remaining seen. */
            rateLimit: components["schemas"]["RateLimitDto"] | null;
            requests: components["schemas"]["RequestCountDto"][];
        };
        TriggerDto: {
            /** @example webhook.ops */
            id: string;
            /** @example webhook */
            type: string;
            /** @example ops */
            name: string;
            /**
             * @description env: defined by environment variables (read-only); ui: created through the API.
             * @enum {string}
             */
            source: "env" | "ui";
            readOnly: boolean;
            enabled: boolean;
            /** @description Settings; secrets masked. */
            configuration: {
                [key: string]: string;
            };
            /** @description Secret settings that have a value (the values are never returned). */
            secretsSet: string[];
            /** @enum {string} */
            mode: "simple" | "batch";
            /** @enum {string} */
            threshold: "all" | "major" | "minor" | "patch";
            once: boolean;
            auto: boolean;
            events: string[];
        };
        TriggerFieldDto: {
            /** @example url */
            key: string;
            label: string;
            /** @enum {string} */
            type: "string" | "number" | "boolean" | "enum" | "url" | "email-list" | "list";
            required: boolean;
            /** @description Default value, as text. */
            default?: string;
            /** @description Write-only: never returned by the API. */
            secret: boolean;
            help: string;
            options?: string[];
            example?: string;
            /** @description Environment suffix: TIDEWATCH_TRIGGER_{type}_{name}_{env}. */
            env: string;
            /**
             * @description template = rendered by the engine (${container.name} …).
             * @enum {string}
             */
            format?: "template";
            /**
             * @description common = engine options every trigger has; provider = the type’s own.
             * @enum {string}
             */
            group: "common" | "provider";
        };
        TriggerTypeDto: {
            /** @example webhook */
            type: string;
            description: string;
            fields: components["schemas"]["TriggerFieldDto"][];
        };
        CreateTriggerDto: {
            /** @enum {string} */
            type: "webhook" | "email" | "sms" | "slack" | "discord" | "telegram" | "ntfy" | "gotify" | "mqtt" | "command" | "docker" | "compose";
            /** @example ops */
            name: string;
            /** @default true */
            enabled: boolean;
            /**
             * @example {
             *       "url": "https://hooks.example/tidewatch",
             *       "threshold": "minor"
             *     }
             */
            configuration: {
                [key: string]: string;
            };
        };
        UpdateTriggerDto: {
            enabled?: boolean;
            /** @description All settings; a secret left out keeps its stored value, an empty string clears it. */
            configuration: {
                [key: string]: string;
            };
        };
        TestTriggerDto: {
            /** @description Send this container instead of a sample. */
            containerId?: string;
        };
        RunResultDto: {
            ok: boolean;
            /** @description Redacted summary of what was sent. */
            summary: string | null;
            error: string | null;
            durationMs: number;
            /** @description History entry of this run. */
            runId: string;
        };
        ContainerTriggerDto: {
            /** @example webhook.ops */
            id: string;
            /** @example webhook */
            type: string;
            /** @example ops */
            name: string;
            /**
             * @description env: defined by environment variables (read-only); ui: created through the API.
             * @enum {string}
             */
            source: "env" | "ui";
            readOnly: boolean;
            enabled: boolean;
            /** @description Settings; secrets masked. */
            configuration: {
                [key: string]: string;
            };
            /** @description Secret settings that have a value (the values are never returned). */
            secretsSet: string[];
            /** @enum {string} */
            mode: "simple" | "batch";
            /** @enum {string} */
            threshold: "all" | "major" | "minor" | "patch";
            once: boolean;
            auto: boolean;
            events: string[];
            /**
             * @description Threshold for this container (its trigger.include label may override the trigger's).
             * @enum {string}
             */
            containerThreshold: "all" | "major" | "minor" | "patch";
        };
        TriggerRunDto: {
            id: string;
            /** @example webhook.ops */
            trigger: string;
            triggerType: string;
            triggerName: string;
            /** @enum {string} */
            event: "update-available" | "update-applied" | "update-failed" | "rolled-back" | "check-error";
            containerIdentity: string | null;
            containerName: string | null;
            /** @enum {string} */
            status: "success" | "error" | "retrying";
            attempt: number;
            durationMs: number;
            error: string | null;
            summary: string | null;
            /** @enum {string} */
            origin: "auto" | "manual" | "test" | "retry";
            /** @description Outbox delivery this run belongs to (retry it with POST /api/history/{id}/retry). */
            deliveryId: string | null;
            /** @enum {string|null} */
            deliveryStatus: "pending" | "delivering" | "delivered" | "failed" | null;
            /** @description Steps of an update action with durations. */
            steps: Record<string, never>[] | null;
            /** Format: date-time */
            at: string;
        };
        HistoryPageDto: {
            items: components["schemas"]["TriggerRunDto"][];
            total: number;
            page: number;
            limit: number;
        };
        DatabaseReadinessDto: {
            ok: boolean;
            /** @description Time the test query took. */
            latencyMs: number;
            error: string | null;
        };
        WatcherReadinessDto: {
            name: string;
            connected: boolean;
            lastCheck: string | null;
            lastError: string | null;
        };
        ReadinessDto: {
            /**
             * @description unavailable (503): the database does not answer or every watcher failed; degraded: some watchers failed.
             * @enum {string}
             */
            status: "ready" | "degraded" | "unavailable";
            database: components["schemas"]["DatabaseReadinessDto"];
            watchers: components["schemas"]["WatcherReadinessDto"][];
        };
        WebhookPushDto: {
            /** @description Registry host named by the payload. */
            host: string | null;
            /** @example acme/app */
            repository: string;
            /**
             * @example [
             *       "1.2.0"
             *     ]
             */
            tags: string[];
            /** @description Watched containers using the repository (re-checked after the push is confirmed). */
            containers: number;
        };
        WebhookReceiptDto: {
            /** @enum {string} */
            status: "accepted" | "ignored" | "duplicate";
            /**
             * @description Detected sender format.
             * @enum {string}
             */
            format: "distribution" | "acr" | "dockerhub" | "github" | "harbor" | "quay" | "gitea" | "generic";
            /** @description Why nothing was done, when nothing was. */
            reason: string | null;
            pushes: components["schemas"]["WebhookPushDto"][];
        };
        MeDto: {
            id: string;
            username: string;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
            /** @enum {string} */
            via: "session" | "token" | "basic" | "disabled";
            /** @description Sessions: send it back in the X-CSRF-Token header of every POST, PUT, PATCH and DELETE. */
            csrfToken: string | null;
        };
        OidcProviderDto: {
            /** @example keycloak */
            name: string;
            /** @example Company SSO */
            label: string;
            /** @example /api/auth/oidc/keycloak/login */
            loginUrl: string;
        };
        AuthStatusDto: {
            /** @description TIDEWATCH_AUTH_DISABLED=true: no sign-in, everyone is admin. */
            disabled: boolean;
            /** @description No user exists yet: create the admin with the setup link from the server log. */
            setupRequired: boolean;
            /** @description The signed-in user of this browser, if any. */
            user: components["schemas"]["MeDto"] | null;
            oidc: components["schemas"]["OidcProviderDto"][];
        };
        LoginDto: {
            /** @example admin */
            username: string;
            /** Format: password */
            password: string;
        };
        SetupDto: {
            /** @example admin */
            username: string;
            /** Format: password */
            password: string;
            /** @description The one-time token of the setup link printed in the server log. */
            token: string;
        };
        ChangePasswordDto: {
            /** Format: password */
            currentPassword: string;
            /** Format: password */
            newPassword: string;
        };
        SessionDto: {
            id: string;
            /** @description password, setup or oidc:{provider} */
            method: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastSeenAt: string;
            /**
             * Format: date-time
             * @description When it ends if unused (idle timeout), or at the latest (absolute).
             */
            expiresAt: string;
            ip: string | null;
            userAgent: string | null;
            /** @description The session of this request. */
            current: boolean;
        };
        ApiTokenDto: {
            id: string;
            name: string;
            /**
             * @description The first characters, to recognise it.
             * @example twt_Ab12Cd
             */
            prefix: string;
            /** @enum {string} */
            scope: "read" | "write";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            lastUsedAt: string | null;
        };
        CreateApiTokenDto: {
            /** @example homepage widget */
            name: string;
            /**
             * @description read: GET requests only; write: also changes, up to your role.
             * @enum {string}
             */
            scope: "read" | "write";
            /** @description Days until it expires; null or absent: never. */
            expiresInDays?: number | null;
        };
        CreatedApiTokenDto: {
            id: string;
            name: string;
            /**
             * @description The first characters, to recognise it.
             * @example twt_Ab12Cd
             */
            prefix: string;
            /** @enum {string} */
            scope: "read" | "write";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** @description The token itself: shown this once, only its hash is kept. Use as Authorization: Bearer <token>. */
            token: string;
        };
        UserDto: {
            id: string;
            username: string;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
            /**
             * @description env: defined by environment variables (read-only); oidc: signs in with a provider.
             * @enum {string}
             */
            source: "local" | "env" | "oidc";
            oidcProvider: string | null;
            disabled: boolean;
            readOnly: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastLoginAt: string | null;
        };
        CreateUserDto: {
            /** @example admin */
            username: string;
            /** Format: password */
            password: string;
            /** @enum {string} */
            role: "viewer" | "operator" | "admin";
        };
        UpdateUserDto: {
            /** @enum {string} */
            role?: "viewer" | "operator" | "admin";
            /**
             * Format: password
             * @description A new password (signs the user out everywhere).
             */
            password?: string;
            /** @description A disabled user cannot sign in; their sessions end and API tokens stop working. */
            disabled?: boolean;
        };
        AuditEntryDto: {
            id: string;
            /** Format: date-time */
            at: string;
            /** @description User name, or anonymous. */
            actor: string;
            /** @example POST /api/containers/:id/watch */
            action: string;
            /** @example id=3f2a… */
            target: string | null;
            /** @description status, via (session, token, basic) and duration. */
            details: {
                [key: string]: unknown;
            } | null;
            ip: string | null;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEntryDto"][];
            total: number;
            page: number;
            limit: number;
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
    App_info: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppInfoDto"];
                };
            };
        };
    };
    Health_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    Containers_list: {
        parameters: {
            query?: {
                /** @description Only containers of this watcher. */
                watcher?: string;
                /** @description Only containers with (true) or without (false) an available update. */
                updateAvailable?: boolean;
                /** @description Only containers in this state (running, exited, …). */
                status?: string;
                /** @description Only containers whose image comes from this registry (instance name, e.g. hub.public). */
                registry?: string;
                /** @description Only the container with this name. */
                name?: string;
                /** @description Sort by a field (prefix - for descending). Default: watcher, then name. */
                sort?: "name" | "-name" | "watcher" | "-watcher" | "status" | "-status" | "updateAvailable" | "-updateAvailable" | "checkedAt" | "-checkedAt" | "image" | "-image";
                /** @description Skip this many containers (the response stays a bare array; X-Total-Count carries the total). */
                offset?: number;
                /** @description Return at most this many containers. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Containers matching the filters, before offset/limit. */
                    "X-Total-Count"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerDto"][];
                };
            };
            /** @description A filter has a bad value. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Containers_watchAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerDto"][];
                };
            };
        };
    };
    Containers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Docker container ID (full 64-hex form or a unique prefix of at least 12). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerDto"];
                };
            };
            /** @description The id is not a container ID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Containers_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Docker container ID (full 64-hex form or a unique prefix of at least 12). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The id is not a container ID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Containers_watchOne: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Docker container ID (full 64-hex form or a unique prefix of at least 12). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerDto"];
                };
            };
            /** @description The id is not a container ID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Containers_decision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Docker container ID (full 64-hex form or a unique prefix of at least 12). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionDto"];
                };
            };
            /** @description The id is not a container ID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Watchers_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatcherDto"][];
                };
            };
        };
    };
    Watchers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatcherDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Registries_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryDto"][];
                };
            };
        };
    };
    Registries_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Triggers_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerDto"][];
                };
            };
        };
    };
    Triggers_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTriggerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Triggers_types: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerTypeDto"][];
                };
            };
        };
    };
    Triggers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: "webhook" | "email" | "sms" | "slack" | "discord" | "telegram" | "ntfy" | "gotify" | "mqtt" | "command" | "docker" | "compose";
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Triggers_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: "webhook" | "email" | "sms" | "slack" | "discord" | "telegram" | "ntfy" | "gotify" | "mqtt" | "command" | "docker" | "compose";
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTriggerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Triggers_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: "webhook" | "email" | "sms" | "slack" | "discord" | "telegram" | "ntfy" | "gotify" | "mqtt" | "command" | "docker" | "compose";
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Triggers_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: "webhook" | "email" | "sms" | "slack" | "discord" | "telegram" | "ntfy" | "gotify" | "mqtt" | "command" | "docker" | "compose";
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestTriggerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResultDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Triggers_forContainer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Docker container ID (full 64-hex form or a unique prefix of at least 12). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerTriggerDto"][];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Triggers_runForContainer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: "webhook" | "email" | "sms" | "slack" | "discord" | "telegram" | "ntfy" | "gotify" | "mqtt" | "command" | "docker" | "compose";
                name: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResultDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description The trigger ran and failed; the message says why. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    History_list: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Trigger id (type.name). */
                trigger?: string;
                /** @description Container identity (watcher/name) or name. */
                container?: string;
                status?: "success" | "error" | "retrying";
                event?: "update-available" | "update-applied" | "update-failed" | "rolled-back" | "check-error";
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPageDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    History_retry: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TriggerRunDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Events_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream; each event carries JSON data. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Metrics_scrape: {
        parameters: {
            query?: never;
            header: {
                authorization: string;
                /** @description Bearer <TIDEWATCH_METRICS_TOKEN> (unless TIDEWATCH_METRICS_AUTH=false) */
                Authorization?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus exposition format. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Metrics are disabled (TIDEWATCH_METRICS_ENABLED=false). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Readiness_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
        };
    };
    Webhooks_receive: {
        parameters: {
            query?: {
                /** @description The registry's WEBHOOK_TOKEN, for senders that cannot set headers (Docker Hub, Quay). */
                token?: unknown;
            };
            header?: never;
            path: {
                /** @description Registry name (`local` for TIDEWATCH_REGISTRY_CUSTOM_LOCAL_*) or id (`custom.local`). */
                name: string;
            };
            cookie?: never;
        };
        /** @description The sender's own payload (JSON). */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceiptDto"];
                };
            };
            /** @description Not a push notification of a known format. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Unknown registry or invalid credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Auth_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthStatusDto"];
                };
            };
        };
    };
    Auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description Too many failed attempts for this user or address; Retry-After says when to try again. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Auth_setup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetupDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description A user exists already. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Auth_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
        };
    };
    Auth_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description The current password is wrong. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            /** @description The user is defined by the environment or signs in with OIDC. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Auth_listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"][];
                };
            };
        };
    };
    Auth_revokeSession: {
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Auth_listTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiTokenDto"][];
                };
            };
        };
    };
    Auth_createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiTokenDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Auth_revokeToken: {
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Auth_oidcLogin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the provider. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Auth_oidcCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the app. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Users_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
        };
    };
    Users_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Users_get: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Users_remove: {
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Users_update: {
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
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Users_revokeSessions: {
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Audit_list: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
                /** @description Exact user name. */
                actor?: string;
                /** @description Exact action, e.g. "DELETE /api/containers/:id". */
                action?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
}
