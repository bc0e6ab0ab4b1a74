// Generated from /openapi.json by `npm run web:api` (openapi-typescript); do not edit.
// test/web-api-types.integration.test.ts fails when the API and this file disagree.
export interface paths {
    "/api/v1/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who did what to which target, when, from where; newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Exact action, e.g. auth.login_failed */
                    action?: string;
                    actorId?: string;
                    /** @description Inclusive lower bound of occurredAt */
                    from?: unknown;
                    page?: number;
                    pageSize?: number;
                    targetId?: string;
                    targetType?: string;
                    /** @description Exclusive upper bound of occurredAt */
                    to?: unknown;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All categories with their number of services */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Category"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a category */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        description?: string;
                        name: string;
                        slug: string;
                        /** @default 0 */
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Category"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One category */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Category"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a category; refused (409) while services are in it */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a category */
        patch: {
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
                    "application/json": {
                        description?: string;
                        name?: string;
                        slug?: string;
                        sortOrder?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Category"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/debug/kubernetes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kubernetes API reachability and version, the worker informers' sync state, managed namespaces with their workloads, and the database against the cluster (bounded) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KubernetesDebugView"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every mail, newest first: filters by user, template and status; pages */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "queued" | "sending" | "sent" | "failed";
                    template?: "welcome" | "verify-email" | "subscription-created" | "service-ready" | "subscription-expiring" | "payment-failed" | "subscription-suspended" | "subscription-resumed" | "subscription-terminated" | "provisioning-failed" | "topup-succeeded" | "invoice" | "maintenance";
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminNotificationPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a mail again: a new delivery (event key `<old key>#resend-<n>`) to the user’s current address (audited) */
        post: {
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
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminNotification"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/notifications/templates/{name}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A mail template rendered with sample data, as the HTML part of the mail (text/html) */
        get: {
            parameters: {
                query?: {
                    locale?: "id" | "en";
                };
                header?: never;
                path: {
                    name: "welcome" | "verify-email" | "subscription-created" | "service-ready" | "subscription-expiring" | "payment-failed" | "subscription-suspended" | "subscription-resumed" | "subscription-terminated" | "provisioning-failed" | "topup-succeeded" | "invoice" | "maintenance";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The HTML part */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tenant's pods: filters (status, service, user, worker, text), sort and pages */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    /** @description Part of the subscription name, host, namespace, workload name or owner email, case-insensitive */
                    q?: string;
                    /** @description The service's slug, e.g. n8n */
                    service?: string;
                    /** @description "-" first for descending; name is the subscription name, user the owner email, node the node name */
                    sort?: "createdAt" | "-createdAt" | "status" | "-status" | "name" | "-name" | "user" | "-user" | "node" | "-node";
                    status?: "PROVISIONING" | "RUNNING" | "DEGRADED" | "STOPPED" | "FAILED" | "TERMINATED";
                    /** @description The owner's id, or their email address (case-insensitive, whole address) */
                    user?: string;
                    /** @description The node the app runs on */
                    worker?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPodPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pod with its subscription, owner, plan, node and rendered configuration (secrets masked) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPodDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pods/{id}/restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rollout restart of any tenant's running app (audited) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPod"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pods/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an app an administrator stopped (audited) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPod"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pods/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop any tenant's app: scaled to zero, kept stopped across reconciles until started (audited) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPod"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pods/orphaned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Objects with Kapal's labels (or in a managed namespace) whose subscription is not live, by namespace, with age and reason; and live subscriptions with nothing in the cluster */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrphanReport"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pods/orphaned/cleanup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Without { "confirm": true } a dry run listing what would go; with it, deletes the orphans (and tenant namespaces left without a live subscription) and answers a result per object. Audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OrphanCleanupRequestInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrphanCleanupResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/pods/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pods by status, and the pods not ended by service and by worker */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPodStats"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Job counts by state for every queue, with the latest failed jobs */
        get: {
            parameters: {
                query?: {
                    /** @description Failed jobs listed per queue */
                    failedLimit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queues: components["schemas"]["QueueOverview"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues/{queue}/failed/{jobId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a failed job (a full new set of attempts) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: string;
                    queue: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            state: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search, filter and page through all services, active or not, with all their plans */
        get: {
            parameters: {
                query?: {
                    /** @description Category slug */
                    category?: string;
                    page?: number;
                    pageSize?: number;
                    /** @description Text in the name, slug or description */
                    q?: string;
                    status?: "active" | "inactive";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminService"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a service (optionally with its plans, all or nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Defaults to the template's version */
                        appVersion?: string;
                        /** @default null */
                        categoryId?: string | null;
                        /** @default  */
                        description?: string;
                        /** @default null */
                        iconUrl?: string | null;
                        /** @default true */
                        isActive?: boolean;
                        name: string;
                        /**
                         * @description Created with the service, in one transaction
                         * @default []
                         */
                        plans?: {
                            /** @description CPU the app may burst to, in millicores */
                            cpuLimitMillicores: number;
                            /** @description CPU the app is guaranteed, in millicores (1000 = one core) */
                            cpuRequestMillicores: number;
                            /** @default  */
                            description?: string;
                            /** @default [] */
                            features?: string[];
                            /** @default true */
                            isActive?: boolean;
                            /** @description Memory the app may use before it is stopped, in MiB */
                            memoryLimitMib: number;
                            /** @description Memory the app is guaranteed, in MiB */
                            memoryRequestMib: number;
                            name: string;
                            /** @description Price per month, integer rupiah */
                            priceMonthlyIdr: number;
                            /** @default 0 */
                            sortOrder?: number;
                            /** @description Size of the app data volume, in GiB */
                            storageGib: number;
                        }[];
                        slug: string;
                        /** @default 0 */
                        sortOrder?: number;
                        /** @description The app template that runs this service: templates/<templateRef>.yaml */
                        templateRef: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminService"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service with all its plans */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminService"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a service and its plans; refused (409) while live subscriptions use it */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a service (isActive: false takes it off sale) */
        patch: {
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
                    "application/json": {
                        appVersion?: string;
                        categoryId?: string | null;
                        description?: string;
                        iconUrl?: string | null;
                        isActive?: boolean;
                        name?: string;
                        slug?: string;
                        sortOrder?: number;
                        /** @description The app template that runs this service: templates/<templateRef>.yaml */
                        templateRef?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminService"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/services/{id}/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service's plans, active or not */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminPlan"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add a plan to a service */
        post: {
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
                    "application/json": {
                        /** @description CPU the app may burst to, in millicores */
                        cpuLimitMillicores: number;
                        /** @description CPU the app is guaranteed, in millicores (1000 = one core) */
                        cpuRequestMillicores: number;
                        /** @default  */
                        description?: string;
                        /** @default [] */
                        features?: string[];
                        /** @default true */
                        isActive?: boolean;
                        /** @description Memory the app may use before it is stopped, in MiB */
                        memoryLimitMib: number;
                        /** @description Memory the app is guaranteed, in MiB */
                        memoryRequestMib: number;
                        name: string;
                        /** @description Price per month, integer rupiah */
                        priceMonthlyIdr: number;
                        /** @default 0 */
                        sortOrder?: number;
                        /** @description Size of the app data volume, in GiB */
                        storageGib: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPlan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services/{id}/plans/{planId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One plan of a service */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPlan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a plan; refused (409) while live subscriptions use it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a plan (isActive: false takes it off sale) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    planId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CPU the app may burst to, in millicores */
                        cpuLimitMillicores?: number;
                        /** @description CPU the app is guaranteed, in millicores (1000 = one core) */
                        cpuRequestMillicores?: number;
                        description?: string;
                        features?: string[];
                        isActive?: boolean;
                        /** @description Memory the app may use before it is stopped, in MiB */
                        memoryLimitMib?: number;
                        /** @description Memory the app is guaranteed, in MiB */
                        memoryRequestMib?: number;
                        name?: string;
                        /** @description Price per month, integer rupiah */
                        priceMonthlyIdr?: number;
                        sortOrder?: number;
                        /** @description Size of the app data volume, in GiB */
                        storageGib?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminPlan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/services/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Services and plans by status, and per service */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            perService: {
                                /** Format: uuid */
                                id: string;
                                isActive: boolean;
                                name: string;
                                plans: {
                                    active: number;
                                    inactive: number;
                                    total: number;
                                };
                                slug: string;
                            }[];
                            plans: {
                                active: number;
                                inactive: number;
                                total: number;
                            };
                            services: {
                                active: number;
                                inactive: number;
                                total: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user's subscriptions, newest first: filters, pages and the counts by status */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    /** @description Part of the name or host, case-insensitive */
                    q?: string;
                    serviceId?: string;
                    status?: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Under the other filters (user, service, text), whatever the status filter */
                            countsByStatus: {
                                ACTIVE: number;
                                CANCELLED: number;
                                FAILED: number;
                                SUSPENDED: number;
                                TERMINATED: number;
                            };
                            items: components["schemas"]["AdminSubscription"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/subscriptions/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a suspension, without a charge (an ended period goes through renewal at the next pass) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminSubscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/subscriptions/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend: the app is scaled to zero, data kept; no renewal resumes it, only an administrator */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminSubscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/subscriptions/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate now: the objects and data are deleted */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminSubscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user's transactions (filters: user, type, status, dates), newest first, with totals */
        get: {
            parameters: {
                query?: {
                    /** @description Created at or after (ISO 8601) */
                    from?: unknown;
                    page?: number;
                    pageSize?: number;
                    status?: "PENDING" | "SUCCESS" | "FAILED" | "EXPIRED" | "CANCELLED";
                    /** @description Created before (ISO 8601) */
                    to?: unknown;
                    type?: "TOPUP" | "SUBSCRIPTION_CHARGE" | "REFUND" | "ADJUSTMENT";
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminTransaction"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                            /** @description Over every transaction the filters match, not only this page (amounts signed) */
                            totals: {
                                byStatus: {
                                    CANCELLED: {
                                        amount: number;
                                        count: number;
                                    };
                                    EXPIRED: {
                                        amount: number;
                                        count: number;
                                    };
                                    FAILED: {
                                        amount: number;
                                        count: number;
                                    };
                                    PENDING: {
                                        amount: number;
                                        count: number;
                                    };
                                    SUCCESS: {
                                        amount: number;
                                        count: number;
                                    };
                                };
                                byType: {
                                    ADJUSTMENT: {
                                        amount: number;
                                        count: number;
                                    };
                                    REFUND: {
                                        amount: number;
                                        count: number;
                                    };
                                    SUBSCRIPTION_CHARGE: {
                                        amount: number;
                                        count: number;
                                    };
                                    TOPUP: {
                                        amount: number;
                                        count: number;
                                    };
                                };
                                count: number;
                                /** @description Sum of the SUCCESS amounts: the net effect on balances */
                                net: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/transactions/pending-topups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Top-ups waiting for payment, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description Only those created at least this many minutes ago */
                    olderThanMinutes?: number;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AdminTransaction"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                            /** @description Every pending top-up the filter matches */
                            totals: {
                                amount: number;
                                count: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/transactions/revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Top-ups, charges, refunds and revenue per day, and subscription revenue per service */
        get: {
            parameters: {
                query?: {
                    /** @description First day (inclusive), in the billing time zone; default: 29 days before `to` */
                    from?: string;
                    /** @description Last day (inclusive), in the billing time zone; default: today */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Revenue"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search, filter, sort and page through users */
        get: {
            parameters: {
                query?: {
                    /** @description Inclusive */
                    createdFrom?: unknown;
                    /** @description Exclusive */
                    createdTo?: unknown;
                    page?: number;
                    pageSize?: number;
                    /** @description Part of the email or name, case-insensitive */
                    q?: string;
                    role?: "USER" | "ADMINISTRATOR";
                    sort?: "createdAt" | "-createdAt" | "email" | "-email" | "name" | "-name" | "lastLoginAt" | "-lastLoginAt";
                    status?: "active" | "inactive";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address; case-insensitive, stored lower-cased */
                        email: string;
                        name: string;
                        password: string;
                        phone?: string | null;
                        /**
                         * @default USER
                         * @enum {string}
                         */
                        role?: "USER" | "ADMINISTRATOR";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a user (refused while they have live subscriptions) */
        delete: {
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
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update a user: profile, email, role, active status */
        patch: {
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
                    "application/json": {
                        /** @description Email address; case-insensitive, stored lower-cased */
                        email?: string;
                        isActive?: boolean;
                        name?: string;
                        phone?: string | null;
                        /** @enum {string} */
                        role?: "USER" | "ADMINISTRATOR";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/users/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adjust a user's credit by hand, with a reason (audited; Idempotency-Key required) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Required: a retry with the same key returns the same adjustment instead of making another */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Signed integer rupiah: positive adds credit, negative takes it (never below zero) */
                        amount: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The balance right after the adjustment */
                            balance: number;
                            /** @description True when this Idempotency-Key was used already and nothing new happened */
                            replayed: boolean;
                            transaction: components["schemas"]["AdminTransaction"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The balance right after the adjustment */
                            balance: number;
                            /** @description True when this Idempotency-Key was used already and nothing new happened */
                            replayed: boolean;
                            transaction: components["schemas"]["AdminTransaction"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate, deactivate, change the role of, or delete many users; one result per user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "activate";
                        userIds: string[];
                    } | {
                        /** @enum {string} */
                        action: "deactivate";
                        userIds: string[];
                    } | {
                        /** @enum {string} */
                        action: "delete";
                        userIds: string[];
                    } | {
                        /** @enum {string} */
                        action: "change-role";
                        /** @enum {string} */
                        role: "USER" | "ADMINISTRATOR";
                        userIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                /** Format: uuid */
                                id: string;
                                ok: boolean;
                                /** @enum {string} */
                                outcome?: "updated" | "unchanged" | "deleted";
                            }[];
                            summary: {
                                failed: number;
                                succeeded: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts by role and status, sign-ups per day */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byRole: {
                                ADMINISTRATOR: number;
                                USER: number;
                            };
                            byStatus: {
                                active: number;
                                inactive: number;
                            };
                            /** @description Last 30 days, UTC, oldest first */
                            signupsPerDay: {
                                count: number;
                                date: string;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/workers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Workers from the workers table: filter by status, online and text; sort; pages */
        get: {
            parameters: {
                query?: {
                    online?: "true" | "false";
                    page?: number;
                    pageSize?: number;
                    /** @description Part of the name, IP or hostname, case-insensitive */
                    q?: string;
                    sort?: "name" | "-name" | "status" | "-status" | "createdAt" | "-createdAt" | "podCount" | "-podCount";
                    status?: components["schemas"]["WorkerStatusInput"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/workers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One worker, by id or node name, with the pods on it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The worker's id or its node name */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/workers/{id}/cordon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop scheduling new pods on the worker (MAINTENANCE) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The worker's id or its node name */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/workers/{id}/drain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cordon the worker and drain it in the background; progress in GET /admin/workers/{id}
         * @description The affected customers are mailed first; pods are evicted through the Eviction API (disruption budgets hold: a refusal is retried with backoff until WORKER_DRAIN_TIMEOUT_SECONDS); DaemonSet and static pods stay. 409 while a drain of the worker runs.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The worker's id or its node name */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/workers/{id}/uncordon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule pods on the worker again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The worker's id or its node name */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Worker"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/workers/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Capacity, allocation and utilisation of the present workers; counts by status and agent state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerStats"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/workers/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Full resync: lists nodes and pods once, updates every worker, marks missing ones gone */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerSyncResult"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address; case-insensitive, stored lower-cased */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revoke this access token's session and its refresh token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
        /** Exchange a refresh token for a new token pair (the old refresh token is spent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenPair"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Email address; case-insensitive, stored lower-cased */
                        email: string;
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
         * Verify your email address with the token of the link we mailed you
         * @description Public: the token is the proof. 400 for a token that is malformed, tampered with, or sent to an email the account no longer has; 410 LINK_EXPIRED for a genuine link older than 24 h (ask for a new one). An account whose email is already verified gets 200 again.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alreadyVerified: boolean;
                            /** @enum {boolean} */
                            emailVerified: true;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
        /** Mail a new verification link to your current email (3 per hour) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the link is being sent */
                            email: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The credit balance (integer rupiah) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Integer rupiah */
                            balance: number;
                            /** @enum {string} */
                            currency: "IDR";
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your invoices, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Issued at or after (inclusive) */
                    from?: unknown;
                    page?: number;
                    pageSize?: number;
                    /** @description Issued before (exclusive) */
                    to?: unknown;
                    /** @description The invoice of one of your transactions (a list of at most one): a transaction's invoice link */
                    transactionId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Invoice"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your invoices */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your invoices as a PDF (application/pdf, saved as INV-YYYYMM-NNNNNN.pdf) */
        get: {
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
                /** @description The PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balance, spend this month and last, top-ups, upcoming renewals and the runway */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BillingOverview"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/payment-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the dashboard may open a payment: the Snap popup (client key, snap.js) or only the redirect
         * @description Public: the client key is meant for browsers. `snap` is null when no real MIDTRANS_CLIENT_KEY is configured; then pay top-ups by opening `payment.redirectUrl`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PaymentConfig"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/topups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a top-up: a PENDING transaction and its Midtrans payment page
         * @description Pay with Snap.js (`snap.pay(payment.token)`) or by opening `payment.redirectUrl`. The credit arrives when Midtrans reports the payment. Send an Idempotency-Key header to make a retry return the same top-up.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Optional: a retry with the same key returns the same top-up instead of starting another */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Integer rupiah, between 10000 and 10000000 IDR */
                        amount: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: components["schemas"]["Payment"];
                            transaction: components["schemas"]["Transaction"];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: components["schemas"]["Payment"];
                            transaction: components["schemas"]["Transaction"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your money transactions, newest first: filter by type, status and date; pages */
        get: {
            parameters: {
                query?: {
                    /** @description Created at or after (ISO 8601) */
                    from?: unknown;
                    page?: number;
                    pageSize?: number;
                    status?: "PENDING" | "SUCCESS" | "FAILED" | "EXPIRED" | "CANCELLED";
                    /** @description Created at or before (ISO 8601) */
                    to?: unknown;
                    type?: "TOPUP" | "SUBSCRIPTION_CHARGE" | "REFUND" | "ADJUSTMENT";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Transaction"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/transactions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your transactions (another user’s is 404) */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transaction"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/transactions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a PENDING top-up
         * @description A payment Midtrans still reports for it afterwards is credited all the same.
         */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Transaction"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/billing/transactions/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A usable payment page for a PENDING top-up (a fresh one when the old page expired) */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: components["schemas"]["Payment"];
                            transaction: components["schemas"]["Transaction"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live status of your subscriptions and pods (server-sent events)
         * @description A `text/event-stream` that stays open: `retry: 5000`, then `event: ready`, then `event: status` for each change of one of your subscriptions or pods, `event: resync` when changes may have been missed, and a `: ping` comment every 25 s. At most 5 streams per user are open at a time on one server (429 RATE_LIMITED beyond).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Deactivate your account (your password confirms it); sign-in is refused afterwards */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update your profile */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The language of your mails: id (Indonesian) or en (English)
                         * @enum {string}
                         */
                        locale?: "id" | "en";
                        name?: string;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mails Kapal sent you (or is sending), newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NotificationPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; every other session is signed out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revokedSessions: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your running apps (one pod per subscription), newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "PROVISIONING" | "RUNNING" | "DEGRADED" | "STOPPED" | "FAILED" | "TERMINATED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Pod"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One app: status, node, restarts, age, resources, URL */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pod"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pods/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Kubernetes events of the app's objects, newest first */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                count: number;
                                firstSeen: string | null;
                                lastSeen: string | null;
                                message: string;
                                /** @description kind/name of the object the event is about */
                                object: string;
                                reason: string;
                                type: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pods/{id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The app's log: the last `tail` lines (at most 1 MiB), or a stream with follow=true
         * @description With `follow=true` the answer is `text/plain`, streamed while the container runs (at most 8 MiB).
         */
        get: {
            parameters: {
                query?: {
                    /** @description "app", or a companion of the template (e.g. "mysql") */
                    container?: string;
                    /** @description Stream the log (text/plain) while the container runs */
                    follow?: "true" | "false";
                    since?: number;
                    tail?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            container: string;
                            lines: string[];
                            /** @description The Kubernetes pod the lines come from */
                            podName: string;
                            /** @description True when the answer reached 1048576 bytes */
                            truncated: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pods/{id}/restart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restart the app (a rollout restart) */
        post: {
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
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pod"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Services on sale, with their plans and monthly prices
         * @description Active services that have at least one active plan. Answers carry an ETag; send it back in If-None-Match to get 304 while nothing changed.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Category slug */
                    category?: string;
                    /** @description Text in the name, slug or description */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            services: components["schemas"]["Service"][];
                        };
                    };
                };
                /** @description Not modified: the If-None-Match ETag is current */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service on sale, with its plans and monthly prices */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Service"];
                    };
                };
                /** @description Not modified: the If-None-Match ETag is current */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your subscriptions, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Subscription"][];
                            page: number;
                            pageSize: number;
                            total: number;
                            totalPages: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Buy a plan: charges the first month, then starts the app
         * @description Charges the first period from the credit balance (402 INSUFFICIENT_CREDIT with `required` and `available` when short, and nothing is created), creates the subscription (ACTIVE) and its pod (PROVISIONING), and starts provisioning. Send an `Idempotency-Key` header to make retries safe for 24 hours: the same key and body answer the same subscription (200).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uuid */
                        planId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pod: components["schemas"]["Pod"];
                            subscription: components["schemas"]["Subscription"];
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pod: components["schemas"]["Pod"];
                            subscription: components["schemas"]["Subscription"];
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your subscriptions: plan, pod, URL, period and next charge */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Turn auto-renew on or off; change the plan (same service)
         * @description A dearer plan applies now: the price difference for the rest of the period is charged (402 when short) and the app gets the new resources. A cheaper plan applies at the next renewal (`pendingPlan`); choosing the current plan again drops it.
         */
        patch: {
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
                    "application/json": {
                        autoRenew?: boolean;
                        /**
                         * Format: uuid
                         * @description A plan of the same service: a dearer one applies now (the rest of the period charged), a cheaper one at the next period
                         */
                        planId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/subscriptions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel: no renewal; the app runs to the end of the paid period, then it is deleted
         * @description A suspended subscription, or one whose period ended unpaid, is terminated at once (objects and data deleted). Cancelling a cancelled subscription changes nothing.
         */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's first credentials (generated passwords and keys), decrypted; audited */
        get: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            credentials: {
                                name: string;
                                value: string;
                            }[];
                            /** Format: uuid */
                            subscriptionId: string;
                            url: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay now: resumes a subscription suspended for non-payment, or renews one whose period ended
         * @description Charges the next period from the credit balance (402 INSUFFICIENT_CREDIT with `required` and `available` when short, and nothing changes). A suspended subscription gets a new period from now and starts again; 409 when there is nothing to renew.
         */
        post: {
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                402: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscriptions/name-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a name is free for a new app of yours, and the address it would get
         * @description The rules of POST /subscriptions: a name that breaks them answers `available: false`, `code: INVALID` and the reason; one that a live subscription uses (yours by name, anybody's by address) `code: TAKEN`. A hint for the form, not a reservation: POST /subscriptions checks again.
         */
        get: {
            parameters: {
                query: {
                    /** @description The name to check: one that breaks the rules of POST /subscriptions answers `available: false` and why */
                    name: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description True when POST /subscriptions would accept this name now */
                            available: boolean;
                            /**
                             * @description Why not: INVALID breaks the name rules (400 on POST), TAKEN is used by a live subscription (409 on POST)
                             * @enum {string}
                             */
                            code?: "INVALID" | "TAKEN";
                            name: string;
                            /** @description Why not, in words (the message POST /subscriptions would answer) */
                            reason?: string;
                            /** @description The address the app gets with this name (`https://<name>.<APPS_DOMAIN>`); set when the name is valid */
                            url?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/workers/{name}/allocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a worker agent sees allocated on its machine */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WorkerAllocationInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerAllocationAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/system/workers/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A worker agent's heartbeat: load, disk and memory of its machine */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WorkerHeartbeatInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkerHeartbeatAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/midtrans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Midtrans HTTP notification (register this URL in the Midtrans dashboard)
         * @description No user authentication: the signature_key (SHA-512 of order_id, status_code, gross_amount and the server key) is checked, then amount and currency against the top-up. 200 for applied, duplicate and late notifications; 4xx for forged, malformed or unknown ones. Every notification is recorded.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            received: true;
                            /** @description What Kapal did: applied, duplicate, final, unchanged, ... */
                            verdict: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
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
        /**
         * Prometheus metrics (this process, and the shared state: rows by status, queue depths)
         * @description Requires `Authorization: Bearer <METRICS_TOKEN>` when METRICS_TOKEN is set (401 otherwise); open when unset.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready when PostgreSQL and Redis answer; the Kubernetes API is reported, not required */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                kubernetes: {
                                    /**
                                     * @description Why the check failed; details are in the log
                                     * @enum {string}
                                     */
                                    error?: "timeout" | "unavailable";
                                    latencyMs: number;
                                    ok: boolean;
                                };
                                postgres: {
                                    /**
                                     * @description Why the check failed; details are in the log
                                     * @enum {string}
                                     */
                                    error?: "timeout" | "unavailable";
                                    latencyMs: number;
                                    ok: boolean;
                                };
                                redis: {
                                    /**
                                     * @description Why the check failed; details are in the log
                                     * @enum {string}
                                     */
                                    error?: "timeout" | "unavailable";
                                    latencyMs: number;
                                    ok: boolean;
                                };
                            };
                            /** @enum {string} */
                            status: "ready" | "unavailable";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                kubernetes: {
                                    /**
                                     * @description Why the check failed; details are in the log
                                     * @enum {string}
                                     */
                                    error?: "timeout" | "unavailable";
                                    latencyMs: number;
                                    ok: boolean;
                                };
                                postgres: {
                                    /**
                                     * @description Why the check failed; details are in the log
                                     * @enum {string}
                                     */
                                    error?: "timeout" | "unavailable";
                                    latencyMs: number;
                                    ok: boolean;
                                };
                                redis: {
                                    /**
                                     * @description Why the check failed; details are in the log
                                     * @enum {string}
                                     */
                                    error?: "timeout" | "unavailable";
                                    latencyMs: number;
                                    ok: boolean;
                                };
                            };
                            /** @enum {string} */
                            status: "ready" | "unavailable";
                        };
                    };
                };
            };
        };
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
        AdminNotification: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** @description What caused the mail; one mail per event key */
            eventKey: string;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** @enum {string} */
            locale: "id" | "en";
            recipient: string;
            /** @description The delivery this one was resent from */
            resendOf: string | null;
            sentAt: string | null;
            smtpMessageId: string | null;
            /**
             * @description queued, sending, sent, or failed (every attempt failed)
             * @enum {string}
             */
            status: "queued" | "sending" | "sent" | "failed";
            subject: string;
            template: string;
            /** Format: date-time */
            updatedAt: string;
            userId: string | null;
        };
        AdminNotificationInput: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** @description What caused the mail; one mail per event key */
            eventKey: string;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** @enum {string} */
            locale: "id" | "en";
            recipient: string;
            /** @description The delivery this one was resent from */
            resendOf: string | null;
            sentAt: string | null;
            smtpMessageId: string | null;
            /**
             * @description queued, sending, sent, or failed (every attempt failed)
             * @enum {string}
             */
            status: "queued" | "sending" | "sent" | "failed";
            subject: string;
            template: string;
            /** Format: date-time */
            updatedAt: string;
            userId: string | null;
        };
        AdminNotificationPage: {
            items: components["schemas"]["AdminNotification"][];
            page: number;
            pageSize: number;
            total: number;
            totalPages: number;
        };
        AdminNotificationPageInput: {
            items: components["schemas"]["AdminNotificationInput"][];
            page: number;
            pageSize: number;
            total: number;
            totalPages: number;
        };
        AdminPlan: {
            cpuLimitMillicores: number;
            cpuRequestMillicores: number;
            /** Format: date-time */
            createdAt: string;
            description: string;
            features: string[];
            /** Format: uuid */
            id: string;
            isActive: boolean;
            memoryLimitMib: number;
            memoryRequestMib: number;
            name: string;
            priceMonthlyIdr: number;
            /** Format: uuid */
            serviceId: string;
            sortOrder: number;
            storageGib: number;
            /** Format: date-time */
            updatedAt: string;
        };
        AdminPlanInput: {
            cpuLimitMillicores: number;
            cpuRequestMillicores: number;
            /** Format: date-time */
            createdAt: string;
            description: string;
            features: string[];
            /** Format: uuid */
            id: string;
            isActive: boolean;
            memoryLimitMib: number;
            memoryRequestMib: number;
            name: string;
            priceMonthlyIdr: number;
            /** Format: uuid */
            serviceId: string;
            sortOrder: number;
            storageGib: number;
            /** Format: date-time */
            updatedAt: string;
        };
        AdminPod: {
            /** @description When an administrator stopped the app (it stays at zero replicas until started) */
            adminStoppedAt: string | null;
            ageSeconds: number;
            availableReplicas: number;
            /** Format: date-time */
            createdAt: string;
            desiredReplicas: number;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** @description When an informer last reported on the workload */
            lastObservedAt: string | null;
            lastRestartAt: string | null;
            namespace: string;
            /** @description The worker node the app runs on */
            node: string | null;
            /** @description Null once the plan was deleted */
            plan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            readyAt: string | null;
            readyReplicas: number;
            restarts: number;
            runningSince: string | null;
            /** @description Null once the service was deleted */
            service: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** @enum {string} */
            status: "PROVISIONING" | "RUNNING" | "DEGRADED" | "STOPPED" | "FAILED" | "TERMINATED";
            stoppedAt: string | null;
            subscription: {
                host: string;
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                status: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
            };
            url: string;
            user: {
                email: string;
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @enum {string} */
            workloadKind: "Deployment" | "StatefulSet";
            workloadName: string;
        };
        AdminPodDetail: {
            /** @description When an administrator stopped the app (it stays at zero replicas until started) */
            adminStoppedAt: string | null;
            ageSeconds: number;
            availableReplicas: number;
            configuration: {
                /** @description The app's Kubernetes objects as the reconciler renders them now (replicas as the state wants them), with every Secret value and every value made from a generated secret shown as "********" */
                objects: {
                    [key: string]: unknown;
                }[];
            } | null;
            /** @description Why there is no configuration (the subscription ended, its plan was deleted, its template is gone) */
            configurationUnavailable: string | null;
            /** Format: date-time */
            createdAt: string;
            desiredReplicas: number;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** @description When an informer last reported on the workload */
            lastObservedAt: string | null;
            lastRestartAt: string | null;
            namespace: string;
            /** @description The worker node the app runs on */
            node: string | null;
            /** @description Null once the plan was deleted */
            plan: {
                cpuLimitMillicores: number;
                cpuRequestMillicores: number;
                /** Format: uuid */
                id: string;
                memoryLimitMib: number;
                memoryRequestMib: number;
                name: string;
                priceMonthlyIdr: number;
                storageGib: number;
            } | null;
            readyAt: string | null;
            readyReplicas: number;
            restarts: number;
            runningSince: string | null;
            /** @description Null once the service was deleted */
            service: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** @enum {string} */
            status: "PROVISIONING" | "RUNNING" | "DEGRADED" | "STOPPED" | "FAILED" | "TERMINATED";
            stoppedAt: string | null;
            subscription: {
                autoRenew: boolean;
                cancelAtPeriodEnd: boolean;
                /** Format: date-time */
                createdAt: string;
                endReason: string | null;
                host: string;
                /** Format: uuid */
                id: string;
                name: string;
                /** Format: date-time */
                periodEnd: string;
                /** Format: date-time */
                periodStart: string;
                /** @enum {string} */
                status: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
                suspendedAt: string | null;
            };
            url: string;
            user: {
                email: string;
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description The node's details from the workers table (null: not scheduled, or a node Kapal has no row for) */
            worker: components["schemas"]["AdminPodWorker"] | null;
            /** @enum {string} */
            workloadKind: "Deployment" | "StatefulSet";
            workloadName: string;
        };
        AdminPodDetailInput: {
            /** @description When an administrator stopped the app (it stays at zero replicas until started) */
            adminStoppedAt: string | null;
            ageSeconds: number;
            availableReplicas: number;
            configuration: {
                /** @description The app's Kubernetes objects as the reconciler renders them now (replicas as the state wants them), with every Secret value and every value made from a generated secret shown as "********" */
                objects: {
                    [key: string]: unknown;
                }[];
            } | null;
            /** @description Why there is no configuration (the subscription ended, its plan was deleted, its template is gone) */
            configurationUnavailable: string | null;
            /** Format: date-time */
            createdAt: string;
            desiredReplicas: number;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** @description When an informer last reported on the workload */
            lastObservedAt: string | null;
            lastRestartAt: string | null;
            namespace: string;
            /** @description The worker node the app runs on */
            node: string | null;
            /** @description Null once the plan was deleted */
            plan: {
                cpuLimitMillicores: number;
                cpuRequestMillicores: number;
                /** Format: uuid */
                id: string;
                memoryLimitMib: number;
                memoryRequestMib: number;
                name: string;
                priceMonthlyIdr: number;
                storageGib: number;
            } | null;
            readyAt: string | null;
            readyReplicas: number;
            restarts: number;
            runningSince: string | null;
            /** @description Null once the service was deleted */
            service: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** @enum {string} */
            status: "PROVISIONING" | "RUNNING" | "DEGRADED" | "STOPPED" | "FAILED" | "TERMINATED";
            stoppedAt: string | null;
            subscription: {
                autoRenew: boolean;
                cancelAtPeriodEnd: boolean;
                /** Format: date-time */
                createdAt: string;
                endReason: string | null;
                host: string;
                /** Format: uuid */
                id: string;
                name: string;
                /** Format: date-time */
                periodEnd: string;
                /** Format: date-time */
                periodStart: string;
                /** @enum {string} */
                status: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
                suspendedAt: string | null;
            };
            url: string;
            user: {
                email: string;
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @description The node's details from the workers table (null: not scheduled, or a node Kapal has no row for) */
            worker: components["schemas"]["AdminPodWorkerInput"] | null;
            /** @enum {string} */
            workloadKind: "Deployment" | "StatefulSet";
            workloadName: string;
        };
        AdminPodInput: {
            /** @description When an administrator stopped the app (it stays at zero replicas until started) */
            adminStoppedAt: string | null;
            ageSeconds: number;
            availableReplicas: number;
            /** Format: date-time */
            createdAt: string;
            desiredReplicas: number;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            /** @description When an informer last reported on the workload */
            lastObservedAt: string | null;
            lastRestartAt: string | null;
            namespace: string;
            /** @description The worker node the app runs on */
            node: string | null;
            /** @description Null once the plan was deleted */
            plan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            readyAt: string | null;
            readyReplicas: number;
            restarts: number;
            runningSince: string | null;
            /** @description Null once the service was deleted */
            service: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** @enum {string} */
            status: "PROVISIONING" | "RUNNING" | "DEGRADED" | "STOPPED" | "FAILED" | "TERMINATED";
            stoppedAt: string | null;
            subscription: {
                host: string;
                /** Format: uuid */
                id: string;
                name: string;
                /** @enum {string} */
                status: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
            };
            url: string;
            user: {
                email: string;
                /** Format: uuid */
                id: string;
                name: string;
            };
            /** @enum {string} */
            workloadKind: "Deployment" | "StatefulSet";
            workloadName: string;
        };
        AdminPodPage: {
            items: components["schemas"]["AdminPod"][];
            page: number;
            pageSize: number;
            total: number;
            totalPages: number;
        };
        AdminPodPageInput: {
            items: components["schemas"]["AdminPodInput"][];
            page: number;
            pageSize: number;
            total: number;
            totalPages: number;
        };
        AdminPodStats: {
            /** @description Pods not ended (neither FAILED nor TERMINATED), per service (slug null: the service was deleted) */
            byService: {
                count: number;
                name: string | null;
                slug: string | null;
            }[];
            byStatus: {
                DEGRADED: number;
                FAILED: number;
                PROVISIONING: number;
                RUNNING: number;
                STOPPED: number;
                TERMINATED: number;
            };
            /** @description Pods not ended, per node (node null: not scheduled, or stopped) */
            byWorker: {
                count: number;
                node: string | null;
            }[];
            total: number;
        };
        AdminPodStatsInput: {
            /** @description Pods not ended (neither FAILED nor TERMINATED), per service (slug null: the service was deleted) */
            byService: {
                count: number;
                name: string | null;
                slug: string | null;
            }[];
            byStatus: {
                DEGRADED: number;
                FAILED: number;
                PROVISIONING: number;
                RUNNING: number;
                STOPPED: number;
                TERMINATED: number;
            };
            /** @description Pods not ended, per node (node null: not scheduled, or stopped) */
            byWorker: {
                count: number;
                node: string | null;
            }[];
            total: number;
        };
        AdminPodWorker: {
            allocatable: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            architecture: string | null;
            containerRuntime: string | null;
            externalIp: string | null;
            goneAt: string | null;
            /** Format: uuid */
            id: string;
            internalIp: string | null;
            kubeletVersion: string | null;
            lastHeartbeatAt: string | null;
            name: string;
            operatingSystem: string | null;
            podCount: number;
            ready: boolean;
            requested: {
                cpuMillicores: number;
                memoryMib: number;
            };
            schedulable: boolean;
            /** @enum {string} */
            status: "ACTIVE" | "INACTIVE" | "MAINTENANCE" | "PENDING" | "NOT_READY";
        };
        AdminPodWorkerInput: {
            allocatable: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            architecture: string | null;
            containerRuntime: string | null;
            externalIp: string | null;
            goneAt: string | null;
            /** Format: uuid */
            id: string;
            internalIp: string | null;
            kubeletVersion: string | null;
            lastHeartbeatAt: string | null;
            name: string;
            operatingSystem: string | null;
            podCount: number;
            ready: boolean;
            requested: {
                cpuMillicores: number;
                memoryMib: number;
            };
            schedulable: boolean;
            /** @enum {string} */
            status: "ACTIVE" | "INACTIVE" | "MAINTENANCE" | "PENDING" | "NOT_READY";
        };
        AdminService: {
            appVersion: string;
            category: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            description: string;
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            name: string;
            plans: components["schemas"]["AdminPlan"][];
            slug: string;
            sortOrder: number;
            templateRef: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AdminServiceInput: {
            appVersion: string;
            category: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            description: string;
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            name: string;
            plans: components["schemas"]["AdminPlanInput"][];
            slug: string;
            sortOrder: number;
            templateRef: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AdminSubscription: {
            autoRenew: boolean;
            cancelAtPeriodEnd: boolean;
            cancelledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            endReason: string | null;
            graceStartedAt: string | null;
            host: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The next renewal charge, when the subscription will renew */
            nextCharge: {
                amount: number;
                /** Format: date-time */
                at: string;
            } | null;
            /** @description A downgrade that takes effect at the next renewal */
            pendingPlan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            /** Format: date-time */
            periodEnd: string;
            /** Format: date-time */
            periodStart: string;
            plan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            pod: components["schemas"]["Pod"];
            /** @description What the current period cost (integer rupiah) */
            priceIdr: number;
            service: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** @enum {string} */
            status: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
            suspendedAt: string | null;
            terminatedAt: string | null;
            url: string;
            /** Format: uuid */
            userId: string;
        };
        AdminSubscriptionInput: {
            autoRenew: boolean;
            cancelAtPeriodEnd: boolean;
            cancelledAt: string | null;
            /** Format: date-time */
            createdAt: string;
            endReason: string | null;
            graceStartedAt: string | null;
            host: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The next renewal charge, when the subscription will renew */
            nextCharge: {
                amount: number;
                /** Format: date-time */
                at: string;
            } | null;
            /** @description A downgrade that takes effect at the next renewal */
            pendingPlan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            /** Format: date-time */
            periodEnd: string;
            /** Format: date-time */
            periodStart: string;
            plan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            pod: components["schemas"]["PodInput"];
            /** @description What the current period cost (integer rupiah) */
            priceIdr: number;
            service: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** @enum {string} */
            status: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
            suspendedAt: string | null;
            terminatedAt: string | null;
            url: string;
            /** Format: uuid */
            userId: string;
        };
        AdminTransaction: {
            /** @description The administrator who made an adjustment */
            actorId: string | null;
            /** @description Signed integer rupiah: the effect on the balance once SUCCESS */
            amount: number;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @constant */
            currency: "IDR";
            description: string;
            /** Format: uuid */
            id: string;
            midtransOrderId: string | null;
            midtransTransactionId: string | null;
            paymentExpiresAt: string | null;
            paymentMethod: string | null;
            planId: string | null;
            reason: string | null;
            reference: string | null;
            relatedTransactionId: string | null;
            serviceId: string | null;
            /** @enum {string} */
            status: "PENDING" | "SUCCESS" | "FAILED" | "EXPIRED" | "CANCELLED";
            subscriptionId: string | null;
            /** @enum {string} */
            type: "TOPUP" | "SUBSCRIPTION_CHARGE" | "REFUND" | "ADJUSTMENT";
            /** Format: date-time */
            updatedAt: string;
            /** @description The owner now (null if unknown) */
            user: {
                email: string;
                name: string;
            } | null;
            /** Format: uuid */
            userId: string;
        };
        AdminTransactionInput: {
            /** @description The administrator who made an adjustment */
            actorId: string | null;
            /** @description Signed integer rupiah: the effect on the balance once SUCCESS */
            amount: number;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @constant */
            currency: "IDR";
            description: string;
            /** Format: uuid */
            id: string;
            midtransOrderId: string | null;
            midtransTransactionId: string | null;
            paymentExpiresAt: string | null;
            paymentMethod: string | null;
            planId: string | null;
            reason: string | null;
            reference: string | null;
            relatedTransactionId: string | null;
            serviceId: string | null;
            /** @enum {string} */
            status: "PENDING" | "SUCCESS" | "FAILED" | "EXPIRED" | "CANCELLED";
            subscriptionId: string | null;
            /** @enum {string} */
            type: "TOPUP" | "SUBSCRIPTION_CHARGE" | "REFUND" | "ADJUSTMENT";
            /** Format: date-time */
            updatedAt: string;
            /** @description The owner now (null if unknown) */
            user: {
                email: string;
                name: string;
            } | null;
            /** Format: uuid */
            userId: string;
        };
        AuditEntry: {
            action: string;
            actorId: string | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            targetId: string | null;
            targetType: string | null;
        };
        AuditEntryInput: {
            action: string;
            actorId: string | null;
            details: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            ip: string | null;
            /** Format: date-time */
            occurredAt: string;
            targetId: string | null;
            targetType: string | null;
        };
        BillingOverview: {
            /** @description IDR */
            balance: number;
            /** @description What the auto-renewing subscriptions cost per 30 days and per day (rounded up), IDR */
            burn: {
                daily: number;
                monthly: number;
            };
            /** @constant */
            currency: "IDR";
            lastMonth: {
                /**
                 * Format: date-time
                 * @description Start of the month in the billing time zone (inclusive)
                 */
                from: string;
                /** @description Subscription charges less refunds completed in the month, IDR */
                spend: number;
                /**
                 * Format: date-time
                 * @description Start of the next month (exclusive)
                 */
                to: string;
                /** @description Successful top-ups completed in the month */
                topups: {
                    amount: number;
                    count: number;
                };
            };
            /** @description Top-ups waiting for payment */
            pendingTopups: {
                amount: number;
                count: number;
            };
            /** @description How long the balance lasts at the current burn rate of the subscriptions */
            runway: {
                /** @description Whole days the balance lasts at the burn rate; null: nothing burns */
                days: number | null;
                /** @description When the balance runs out at the burn rate; null: never */
                until: string | null;
            };
            thisMonth: {
                /**
                 * Format: date-time
                 * @description Start of the month in the billing time zone (inclusive)
                 */
                from: string;
                /** @description Subscription charges less refunds completed in the month, IDR */
                spend: number;
                /**
                 * Format: date-time
                 * @description Start of the next month (exclusive)
                 */
                to: string;
                /** @description Successful top-ups completed in the month */
                topups: {
                    amount: number;
                    count: number;
                };
            };
            /** @description The time zone months are counted in */
            timeZone: string;
            upcomingRenewals: {
                items: {
                    amount: number;
                    name: string;
                    planId: string | null;
                    /** Format: date-time */
                    renewsAt: string;
                    serviceId: string | null;
                    /** Format: uuid */
                    subscriptionId: string;
                }[];
                /** @description How much more credit they need than the balance holds (0 when covered) */
                shortfall: number;
                /** @description What they will charge, IDR */
                total: number;
                /**
                 * Format: date-time
                 * @description Renewals before this instant (30 days ahead) are listed
                 */
                until: string;
            };
        };
        BillingOverviewInput: {
            /** @description IDR */
            balance: number;
            /** @description What the auto-renewing subscriptions cost per 30 days and per day (rounded up), IDR */
            burn: {
                daily: number;
                monthly: number;
            };
            /** @constant */
            currency: "IDR";
            lastMonth: {
                /**
                 * Format: date-time
                 * @description Start of the month in the billing time zone (inclusive)
                 */
                from: string;
                /** @description Subscription charges less refunds completed in the month, IDR */
                spend: number;
                /**
                 * Format: date-time
                 * @description Start of the next month (exclusive)
                 */
                to: string;
                /** @description Successful top-ups completed in the month */
                topups: {
                    amount: number;
                    count: number;
                };
            };
            /** @description Top-ups waiting for payment */
            pendingTopups: {
                amount: number;
                count: number;
            };
            /** @description How long the balance lasts at the current burn rate of the subscriptions */
            runway: {
                /** @description Whole days the balance lasts at the burn rate; null: nothing burns */
                days: number | null;
                /** @description When the balance runs out at the burn rate; null: never */
                until: string | null;
            };
            thisMonth: {
                /**
                 * Format: date-time
                 * @description Start of the month in the billing time zone (inclusive)
                 */
                from: string;
                /** @description Subscription charges less refunds completed in the month, IDR */
                spend: number;
                /**
                 * Format: date-time
                 * @description Start of the next month (exclusive)
                 */
                to: string;
                /** @description Successful top-ups completed in the month */
                topups: {
                    amount: number;
                    count: number;
                };
            };
            /** @description The time zone months are counted in */
            timeZone: string;
            upcomingRenewals: {
                items: {
                    amount: number;
                    name: string;
                    planId: string | null;
                    /** Format: date-time */
                    renewsAt: string;
                    serviceId: string | null;
                    /** Format: uuid */
                    subscriptionId: string;
                }[];
                /** @description How much more credit they need than the balance holds (0 when covered) */
                shortfall: number;
                /** @description What they will charge, IDR */
                total: number;
                /**
                 * Format: date-time
                 * @description Renewals before this instant (30 days ahead) are listed
                 */
                until: string;
            };
        };
        Category: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: uuid */
            id: string;
            name: string;
            serviceCount: number;
            slug: string;
            sortOrder: number;
            /** Format: date-time */
            updatedAt: string;
        };
        CategoryInput: {
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** Format: uuid */
            id: string;
            name: string;
            serviceCount: number;
            slug: string;
            sortOrder: number;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @enum {string} */
        CleanupOutcome: "would-delete" | "deleted" | "already-gone" | "skipped" | "failed";
        /** @enum {string} */
        CleanupOutcomeInput: "would-delete" | "deleted" | "already-gone" | "skipped" | "failed";
        Error: {
            error: {
                /** @description INSUFFICIENT_CREDIT: the balance (IDR) */
                available?: number;
                /** @description A stable, machine-readable code such as NOT_FOUND or VALIDATION_FAILED */
                code: string;
                details?: {
                    message: string;
                    path: string;
                }[];
                /** @description What is wrong, for a person */
                message: string;
                requestId: string;
                /** @description INSUFFICIENT_CREDIT: what the charge needs (IDR) */
                required?: number;
            };
        };
        ErrorInput: {
            error: {
                /** @description INSUFFICIENT_CREDIT: the balance (IDR) */
                available?: number;
                /** @description A stable, machine-readable code such as NOT_FOUND or VALIDATION_FAILED */
                code: string;
                details?: {
                    message: string;
                    path: string;
                }[];
                /** @description What is wrong, for a person */
                message: string;
                requestId: string;
                /** @description INSUFFICIENT_CREDIT: what the charge needs (IDR) */
                required?: number;
            };
        };
        Invoice: {
            buyer: components["schemas"]["InvoiceParty"];
            /** @constant */
            currency: "IDR";
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            issuedAt: string;
            lines: components["schemas"]["InvoiceLine"][];
            /** @description INV-YYYYMM-NNNNNN, gap-free per month */
            number: string;
            /** @description Midtrans' payment type for a top-up, `credit` for a charge */
            paymentMethod: string | null;
            /** @description Where the PDF of this invoice is (relative to the API base) */
            pdfUrl: string;
            seller: components["schemas"]["InvoiceParty"];
            /** @description IDR */
            subtotal: number;
            /** @description IDR */
            tax: number;
            /** @description IDR */
            total: number;
            /** Format: uuid */
            transactionId: string;
        };
        InvoiceInput: {
            buyer: components["schemas"]["InvoicePartyInput"];
            /** @constant */
            currency: "IDR";
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            issuedAt: string;
            lines: components["schemas"]["InvoiceLineInput"][];
            /** @description INV-YYYYMM-NNNNNN, gap-free per month */
            number: string;
            /** @description Midtrans' payment type for a top-up, `credit` for a charge */
            paymentMethod: string | null;
            /** @description Where the PDF of this invoice is (relative to the API base) */
            pdfUrl: string;
            seller: components["schemas"]["InvoicePartyInput"];
            /** @description IDR */
            subtotal: number;
            /** @description IDR */
            tax: number;
            /** @description IDR */
            total: number;
            /** Format: uuid */
            transactionId: string;
        };
        InvoiceLine: {
            /** @description IDR */
            amount: number;
            description: string;
            quantity: number;
            /** @description IDR */
            unitPrice: number;
        };
        InvoiceLineInput: {
            /** @description IDR */
            amount: number;
            description: string;
            quantity: number;
            /** @description IDR */
            unitPrice: number;
        };
        InvoiceParty: {
            address?: string;
            email?: string;
            name: string;
            phone?: string;
            /** @description NPWP */
            taxId?: string;
        };
        InvoicePartyInput: {
            address?: string;
            email?: string;
            name: string;
            phone?: string;
            /** @description NPWP */
            taxId?: string;
        };
        KubernetesDebugView: {
            api: {
                error: string | null;
                reachable: boolean;
                version: string | null;
            };
            /** @description The database against the cluster (null when the scan failed); each list holds at most 100 rows */
            diff: {
                liveWithoutObjects: components["schemas"]["LiveSubscriptionWithoutObjects"][];
                orphanNamespaces: {
                    /** @description What POST /admin/pods/orphaned/cleanup with confirm does with it */
                    cleanup: components["schemas"]["OrphanCleanupAction"];
                    namespace: string;
                    /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
                    reason: components["schemas"]["OrphanReason"];
                }[];
                orphanObjects: {
                    kind: string;
                    name: string;
                    namespace: string;
                    /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
                    reason: components["schemas"]["OrphanReason"];
                }[];
                orphans: {
                    liveWithoutObjects: number;
                    namespaces: number;
                    objects: number;
                    "subscription-ended": number;
                    "subscription-unknown": number;
                    "tenant-unknown": number;
                    "tenant-without-live-subscription": number;
                    "unlabelled-in-managed-namespace": number;
                };
                podStatusMismatchCount: number;
                podStatusMismatches: {
                    cluster: {
                        available: number;
                        desired: number;
                        ready: number;
                    } | null;
                    dbStatus: string;
                    namespace: string;
                    /** Format: uuid */
                    podId: string;
                    /** Format: uuid */
                    subscriptionId: string;
                    why: string;
                    workload: string;
                }[];
            } | null;
            /** Format: date-time */
            generatedAt: string;
            /** @description What each worker process published of its informers in the last 15 seconds */
            informers: {
                error: string | null;
                processes: {
                    process: string;
                    publishedAt: string;
                    watches: {
                        apiVersion: string;
                        failures: number;
                        kind: string;
                        labelSelector?: string;
                        lastError: string | null;
                        lastErrorAt: string | null;
                        lastEventAt: string | null;
                        namespace?: string;
                        objects: number;
                        restarts: number;
                        startedAt: string;
                        synced: boolean;
                    }[];
                }[];
            };
            managedNamespaces: {
                items: {
                    createdAt: string | null;
                    name: string;
                    phase: string;
                    tenantId: string | null;
                    workloadCount: number;
                    workloads: {
                        available: number;
                        component: string | null;
                        desired: number;
                        kind: string;
                        name: string;
                        ready: number;
                        /** @enum {string} */
                        status: "available" | "progressing" | "scaled-down" | "deleting";
                        subscriptionId: string | null;
                    }[];
                }[];
                total: number;
                /** @description Namespaces left out (the view lists 100) */
                truncated: number;
                workloads: number;
            } | null;
            scan: {
                error: string | null;
                kubernetesListCalls: number;
                ok: boolean;
            };
        };
        KubernetesDebugViewInput: {
            api: {
                error: string | null;
                reachable: boolean;
                version: string | null;
            };
            /** @description The database against the cluster (null when the scan failed); each list holds at most 100 rows */
            diff: {
                liveWithoutObjects: components["schemas"]["LiveSubscriptionWithoutObjectsInput"][];
                orphanNamespaces: {
                    /** @description What POST /admin/pods/orphaned/cleanup with confirm does with it */
                    cleanup: components["schemas"]["OrphanCleanupActionInput"];
                    namespace: string;
                    /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
                    reason: components["schemas"]["OrphanReasonInput"];
                }[];
                orphanObjects: {
                    kind: string;
                    name: string;
                    namespace: string;
                    /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
                    reason: components["schemas"]["OrphanReasonInput"];
                }[];
                orphans: {
                    liveWithoutObjects: number;
                    namespaces: number;
                    objects: number;
                    "subscription-ended": number;
                    "subscription-unknown": number;
                    "tenant-unknown": number;
                    "tenant-without-live-subscription": number;
                    "unlabelled-in-managed-namespace": number;
                };
                podStatusMismatchCount: number;
                podStatusMismatches: {
                    cluster: {
                        available: number;
                        desired: number;
                        ready: number;
                    } | null;
                    dbStatus: string;
                    namespace: string;
                    /** Format: uuid */
                    podId: string;
                    /** Format: uuid */
                    subscriptionId: string;
                    why: string;
                    workload: string;
                }[];
            } | null;
            /** Format: date-time */
            generatedAt: string;
            /** @description What each worker process published of its informers in the last 15 seconds */
            informers: {
                error: string | null;
                processes: {
                    process: string;
                    publishedAt: string;
                    watches: {
                        apiVersion: string;
                        failures: number;
                        kind: string;
                        labelSelector?: string;
                        lastError: string | null;
                        lastErrorAt: string | null;
                        lastEventAt: string | null;
                        namespace?: string;
                        objects: number;
                        restarts: number;
                        startedAt: string;
                        synced: boolean;
                    }[];
                }[];
            };
            managedNamespaces: {
                items: {
                    createdAt: string | null;
                    name: string;
                    phase: string;
                    tenantId: string | null;
                    workloadCount: number;
                    workloads: {
                        available: number;
                        component: string | null;
                        desired: number;
                        kind: string;
                        name: string;
                        ready: number;
                        /** @enum {string} */
                        status: "available" | "progressing" | "scaled-down" | "deleting";
                        subscriptionId: string | null;
                    }[];
                }[];
                total: number;
                /** @description Namespaces left out (the view lists 100) */
                truncated: number;
                workloads: number;
            } | null;
            scan: {
                error: string | null;
                kubernetesListCalls: number;
                ok: boolean;
            };
        };
        LiveSubscriptionWithoutObjects: {
            ageSeconds: number;
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            missing: "objects" | "workload";
            name: string;
            namespace: string | null;
            podStatus: string | null;
            status: string;
            /** Format: uuid */
            subscriptionId: string;
            /** Format: uuid */
            tenantId: string;
        };
        LiveSubscriptionWithoutObjectsInput: {
            ageSeconds: number;
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            missing: "objects" | "workload";
            name: string;
            namespace: string | null;
            podStatus: string | null;
            status: string;
            /** Format: uuid */
            subscriptionId: string;
            /** Format: uuid */
            tenantId: string;
        };
        Notification: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "id" | "en";
            recipient: string;
            sentAt: string | null;
            /**
             * @description queued, sending, sent, or failed (every attempt failed)
             * @enum {string}
             */
            status: "queued" | "sending" | "sent" | "failed";
            subject: string;
            template: string;
        };
        NotificationInput: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            locale: "id" | "en";
            recipient: string;
            sentAt: string | null;
            /**
             * @description queued, sending, sent, or failed (every attempt failed)
             * @enum {string}
             */
            status: "queued" | "sending" | "sent" | "failed";
            subject: string;
            template: string;
        };
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            page: number;
            pageSize: number;
            total: number;
            totalPages: number;
        };
        NotificationPageInput: {
            items: components["schemas"]["NotificationInput"][];
            page: number;
            pageSize: number;
            total: number;
            totalPages: number;
        };
        /** @enum {string} */
        OrphanCleanupAction: "delete" | "delete-with-include-unknown" | "keep";
        /** @enum {string} */
        OrphanCleanupActionInput: "delete" | "delete-with-include-unknown" | "keep";
        OrphanCleanupRequest: {
            /**
             * @description true deletes; anything else is a dry run that lists what would go
             * @default false
             */
            confirm: boolean;
            /**
             * @description Also delete objects of subscriptions and tenants this database does not know (another installation’s, or made before a restore); off by default
             * @default false
             */
            includeUnknown: boolean;
            /** @description Only these namespaces */
            namespaces?: string[];
        };
        OrphanCleanupRequestInput: {
            /**
             * @description true deletes; anything else is a dry run that lists what would go
             * @default false
             */
            confirm: boolean;
            /**
             * @description Also delete objects of subscriptions and tenants this database does not know (another installation’s, or made before a restore); off by default
             * @default false
             */
            includeUnknown: boolean;
            /** @description Only these namespaces */
            namespaces?: string[];
        };
        OrphanCleanupResult: {
            counts: {
                "already-gone": number;
                deleted: number;
                failed: number;
                namespacesDeleted: number;
                skipped: number;
                "would-delete": number;
            };
            dryRun: boolean;
            includeUnknown: boolean;
            /** @description Reported orphans this cleanup leaves in place, by reason */
            kept: {
                "subscription-ended": number;
                "subscription-unknown": number;
                "tenant-unknown": number;
                "tenant-without-live-subscription": number;
                "unlabelled-in-managed-namespace": number;
            };
            namespaces: {
                message: string | null;
                namespace: string;
                /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
                reason: components["schemas"]["OrphanReason"];
                result: components["schemas"]["CleanupOutcome"];
                tenantId: string | null;
            }[];
            objects: {
                kind: string;
                message: string | null;
                name: string;
                namespace: string;
                /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
                reason: components["schemas"]["OrphanReason"];
                result: components["schemas"]["CleanupOutcome"];
                subscriptionId: string | null;
                tenantId: string | null;
            }[];
            /** Format: date-time */
            scannedAt: string;
        };
        OrphanCleanupResultInput: {
            counts: {
                "already-gone": number;
                deleted: number;
                failed: number;
                namespacesDeleted: number;
                skipped: number;
                "would-delete": number;
            };
            dryRun: boolean;
            includeUnknown: boolean;
            /** @description Reported orphans this cleanup leaves in place, by reason */
            kept: {
                "subscription-ended": number;
                "subscription-unknown": number;
                "tenant-unknown": number;
                "tenant-without-live-subscription": number;
                "unlabelled-in-managed-namespace": number;
            };
            namespaces: {
                message: string | null;
                namespace: string;
                /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
                reason: components["schemas"]["OrphanReasonInput"];
                result: components["schemas"]["CleanupOutcomeInput"];
                tenantId: string | null;
            }[];
            objects: {
                kind: string;
                message: string | null;
                name: string;
                namespace: string;
                /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
                reason: components["schemas"]["OrphanReasonInput"];
                result: components["schemas"]["CleanupOutcomeInput"];
                subscriptionId: string | null;
                tenantId: string | null;
            }[];
            /** Format: date-time */
            scannedAt: string;
        };
        OrphanNamespace: {
            ageSeconds: number | null;
            createdAt: string | null;
            namespace: string;
            /** @description What POST /admin/pods/orphaned/cleanup with confirm does with it */
            namespaceCleanup: components["schemas"]["OrphanCleanupAction"];
            /** @description Set when the namespace itself is an orphan */
            namespaceReason: components["schemas"]["OrphanReason"] | null;
            namespaceUid: string | null;
            objects: components["schemas"]["OrphanObject"][];
            tenantId: string | null;
        };
        OrphanNamespaceInput: {
            ageSeconds: number | null;
            createdAt: string | null;
            namespace: string;
            /** @description What POST /admin/pods/orphaned/cleanup with confirm does with it */
            namespaceCleanup: components["schemas"]["OrphanCleanupActionInput"];
            /** @description Set when the namespace itself is an orphan */
            namespaceReason: components["schemas"]["OrphanReasonInput"] | null;
            namespaceUid: string | null;
            objects: components["schemas"]["OrphanObjectInput"][];
            tenantId: string | null;
        };
        OrphanObject: {
            ageSeconds: number | null;
            apiVersion: string;
            /** @description What POST /admin/pods/orphaned/cleanup with confirm does with it */
            cleanup: components["schemas"]["OrphanCleanupAction"];
            createdAt: string | null;
            kind: string;
            name: string;
            /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
            reason: components["schemas"]["OrphanReason"];
            /** @description The kapal.io/subscription label */
            subscriptionId: string | null;
            /** @description The kapal.io/tenant label (or the namespace’s) */
            tenantId: string | null;
            uid: string;
        };
        OrphanObjectInput: {
            ageSeconds: number | null;
            apiVersion: string;
            /** @description What POST /admin/pods/orphaned/cleanup with confirm does with it */
            cleanup: components["schemas"]["OrphanCleanupActionInput"];
            createdAt: string | null;
            kind: string;
            name: string;
            /** @description subscription-ended: its subscription is TERMINATED or FAILED; subscription-unknown: this database has no such subscription; tenant-without-live-subscription: a tenant's own object (or namespace), the tenant has no live subscription; tenant-unknown: the same for a tenant with no subscription here; unlabelled-in-managed-namespace: not Kapal's, in a managed namespace (never deleted) */
            reason: components["schemas"]["OrphanReasonInput"];
            /** @description The kapal.io/subscription label */
            subscriptionId: string | null;
            /** @description The kapal.io/tenant label (or the namespace’s) */
            tenantId: string | null;
            uid: string;
        };
        /** @enum {string} */
        OrphanReason: "subscription-ended" | "subscription-unknown" | "tenant-without-live-subscription" | "tenant-unknown" | "unlabelled-in-managed-namespace";
        /** @enum {string} */
        OrphanReasonInput: "subscription-ended" | "subscription-unknown" | "tenant-without-live-subscription" | "tenant-unknown" | "unlabelled-in-managed-namespace";
        OrphanReport: {
            counts: {
                liveWithoutObjects: number;
                namespaces: number;
                objects: number;
                "subscription-ended": number;
                "subscription-unknown": number;
                "tenant-unknown": number;
                "tenant-without-live-subscription": number;
                "unlabelled-in-managed-namespace": number;
            };
            /** @description List calls the scan made (constant: one per kind, and namespaces) */
            kubernetesListCalls: number;
            liveWithoutObjects: components["schemas"]["LiveSubscriptionWithoutObjects"][];
            namespaces: components["schemas"]["OrphanNamespace"][];
            /** Format: date-time */
            scannedAt: string;
        };
        OrphanReportInput: {
            counts: {
                liveWithoutObjects: number;
                namespaces: number;
                objects: number;
                "subscription-ended": number;
                "subscription-unknown": number;
                "tenant-unknown": number;
                "tenant-without-live-subscription": number;
                "unlabelled-in-managed-namespace": number;
            };
            /** @description List calls the scan made (constant: one per kind, and namespaces) */
            kubernetesListCalls: number;
            liveWithoutObjects: components["schemas"]["LiveSubscriptionWithoutObjectsInput"][];
            namespaces: components["schemas"]["OrphanNamespaceInput"][];
            /** Format: date-time */
            scannedAt: string;
        };
        Payment: {
            /**
             * Format: date-time
             * @description After this the page takes no payment; POST .../pay gives a fresh one
             */
            expiresAt: string;
            /** @description The Midtrans payment page */
            redirectUrl: string;
            /** @description Snap token for Snap.js (`snap.pay(token)`) */
            token: string;
        };
        PaymentConfig: {
            /** @description null: no popup, open `payment.redirectUrl` instead */
            snap: {
                /** @description Midtrans client key: the `data-client-key` of the snap.js script tag */
                clientKey: string;
                /** @description snap.js of the Midtrans environment the top-ups are created in */
                scriptUrl: string;
            } | null;
        };
        PaymentConfigInput: {
            /** @description null: no popup, open `payment.redirectUrl` instead */
            snap: {
                /** @description Midtrans client key: the `data-client-key` of the snap.js script tag */
                clientKey: string;
                /** @description snap.js of the Midtrans environment the top-ups are created in */
                scriptUrl: string;
            } | null;
        };
        PaymentInput: {
            /**
             * Format: date-time
             * @description After this the page takes no payment; POST .../pay gives a fresh one
             */
            expiresAt: string;
            /** @description The Midtrans payment page */
            redirectUrl: string;
            /** @description Snap token for Snap.js (`snap.pay(token)`) */
            token: string;
        };
        Plan: {
            cpuLimitMillicores: number;
            cpuRequestMillicores: number;
            description: string;
            features: string[];
            /** Format: uuid */
            id: string;
            memoryLimitMib: number;
            memoryRequestMib: number;
            name: string;
            priceMonthlyIdr: number;
            storageGib: number;
        };
        PlanInput: {
            cpuLimitMillicores: number;
            cpuRequestMillicores: number;
            description: string;
            features: string[];
            /** Format: uuid */
            id: string;
            memoryLimitMib: number;
            memoryRequestMib: number;
            name: string;
            priceMonthlyIdr: number;
            storageGib: number;
        };
        Pod: {
            ageSeconds: number;
            availableReplicas: number;
            /** Format: date-time */
            createdAt: string;
            desiredReplicas: number;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            lastRestartAt: string | null;
            /** @description The subscription's name */
            name: string;
            namespace: string;
            /** @description The worker node the app runs on */
            node: string | null;
            readyAt: string | null;
            readyReplicas: number;
            /** @description The plan's resources (null once the plan was deleted) */
            resources: {
                cpuLimitMillicores: number;
                cpuRequestMillicores: number;
                memoryLimitMib: number;
                memoryRequestMib: number;
                storageGib: number;
            } | null;
            restarts: number;
            runningSince: string | null;
            /** @enum {string} */
            status: "PROVISIONING" | "RUNNING" | "DEGRADED" | "STOPPED" | "FAILED" | "TERMINATED";
            /** Format: uuid */
            subscriptionId: string;
            url: string;
            /** @enum {string} */
            workloadKind: "Deployment" | "StatefulSet";
            workloadName: string;
        };
        PodInput: {
            ageSeconds: number;
            availableReplicas: number;
            /** Format: date-time */
            createdAt: string;
            desiredReplicas: number;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            lastRestartAt: string | null;
            /** @description The subscription's name */
            name: string;
            namespace: string;
            /** @description The worker node the app runs on */
            node: string | null;
            readyAt: string | null;
            readyReplicas: number;
            /** @description The plan's resources (null once the plan was deleted) */
            resources: {
                cpuLimitMillicores: number;
                cpuRequestMillicores: number;
                memoryLimitMib: number;
                memoryRequestMib: number;
                storageGib: number;
            } | null;
            restarts: number;
            runningSince: string | null;
            /** @enum {string} */
            status: "PROVISIONING" | "RUNNING" | "DEGRADED" | "STOPPED" | "FAILED" | "TERMINATED";
            /** Format: uuid */
            subscriptionId: string;
            url: string;
            /** @enum {string} */
            workloadKind: "Deployment" | "StatefulSet";
            workloadName: string;
        };
        QueueOverview: {
            counts: {
                active: number;
                completed: number;
                delayed: number;
                failed: number;
                paused: number;
                prioritized: number;
                waiting: number;
            };
            latestFailed: {
                attemptsMade: number;
                data: unknown;
                failedAt: string | null;
                failedReason: string;
                id: string;
                name: string;
            }[];
            name: string;
        };
        QueueOverviewInput: {
            counts: {
                active: number;
                completed: number;
                delayed: number;
                failed: number;
                paused: number;
                prioritized: number;
                waiting: number;
            };
            latestFailed: {
                attemptsMade: number;
                data: unknown;
                failedAt: string | null;
                failedReason: string;
                id: string;
                name: string;
            }[];
            name: string;
        };
        Revenue: {
            days: {
                adjustments: number;
                chargeCount: number;
                charges: number;
                /** Format: date */
                date: string;
                refunds: number;
                revenue: number;
                topupCount: number;
                topups: number;
            }[];
            /** Format: date */
            from: string;
            /** @description Subscription revenue by the service charged for, largest first */
            services: {
                chargeCount: number;
                charges: number;
                refunds: number;
                revenue: number;
                serviceId: string | null;
            }[];
            timeZone: string;
            /** Format: date */
            to: string;
            totals: {
                /** @description Administrators' adjustments, signed */
                adjustments: number;
                /** @description Subscription charges */
                charges: number;
                refunds: number;
                /** @description Charges less refunds */
                revenue: number;
                /** @description Credit bought through Midtrans */
                topups: number;
            };
        };
        RevenueInput: {
            days: {
                adjustments: number;
                chargeCount: number;
                charges: number;
                /** Format: date */
                date: string;
                refunds: number;
                revenue: number;
                topupCount: number;
                topups: number;
            }[];
            /** Format: date */
            from: string;
            /** @description Subscription revenue by the service charged for, largest first */
            services: {
                chargeCount: number;
                charges: number;
                refunds: number;
                revenue: number;
                serviceId: string | null;
            }[];
            timeZone: string;
            /** Format: date */
            to: string;
            totals: {
                /** @description Administrators' adjustments, signed */
                adjustments: number;
                /** @description Subscription charges */
                charges: number;
                refunds: number;
                /** @description Charges less refunds */
                revenue: number;
                /** @description Credit bought through Midtrans */
                topups: number;
            };
        };
        Service: {
            appVersion: string;
            category: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            description: string;
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            plans: components["schemas"]["Plan"][];
            slug: string;
            /** @description The lowest monthly price among the plans */
            startingPriceMonthlyIdr: number;
        };
        ServiceInput: {
            appVersion: string;
            category: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            description: string;
            iconUrl: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            plans: components["schemas"]["PlanInput"][];
            slug: string;
            /** @description The lowest monthly price among the plans */
            startingPriceMonthlyIdr: number;
        };
        Session: {
            tokens: components["schemas"]["TokenPair"];
            user: components["schemas"]["User"];
        };
        SessionInput: {
            tokens: components["schemas"]["TokenPairInput"];
            user: components["schemas"]["UserInput"];
        };
        Subscription: {
            autoRenew: boolean;
            cancelAtPeriodEnd: boolean;
            /** Format: date-time */
            createdAt: string;
            endReason: string | null;
            host: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The next renewal charge, when the subscription will renew */
            nextCharge: {
                amount: number;
                /** Format: date-time */
                at: string;
            } | null;
            /** @description A downgrade that takes effect at the next renewal */
            pendingPlan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            /** Format: date-time */
            periodEnd: string;
            /** Format: date-time */
            periodStart: string;
            plan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            pod: components["schemas"]["Pod"];
            /** @description What the current period cost (integer rupiah) */
            priceIdr: number;
            service: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** @enum {string} */
            status: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
            url: string;
        };
        SubscriptionInput: {
            autoRenew: boolean;
            cancelAtPeriodEnd: boolean;
            /** Format: date-time */
            createdAt: string;
            endReason: string | null;
            host: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description The next renewal charge, when the subscription will renew */
            nextCharge: {
                amount: number;
                /** Format: date-time */
                at: string;
            } | null;
            /** @description A downgrade that takes effect at the next renewal */
            pendingPlan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            /** Format: date-time */
            periodEnd: string;
            /** Format: date-time */
            periodStart: string;
            plan: {
                /** Format: uuid */
                id: string;
                name: string;
                priceMonthlyIdr: number;
            } | null;
            pod: components["schemas"]["PodInput"];
            /** @description What the current period cost (integer rupiah) */
            priceIdr: number;
            service: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            } | null;
            /** @enum {string} */
            status: "ACTIVE" | "SUSPENDED" | "CANCELLED" | "TERMINATED" | "FAILED";
            url: string;
        };
        TokenPair: {
            /** @description JWT for the Authorization header; short-lived */
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Opaque; exchange it once at /auth/refresh for a new pair */
            refreshToken: string;
            /** @constant */
            tokenType: "Bearer";
        };
        TokenPairInput: {
            /** @description JWT for the Authorization header; short-lived */
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /** @description Opaque; exchange it once at /auth/refresh for a new pair */
            refreshToken: string;
            /** @constant */
            tokenType: "Bearer";
        };
        Transaction: {
            /** @description Signed integer rupiah: the effect on the balance once SUCCESS (charges are negative) */
            amount: number;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @constant */
            currency: "IDR";
            description: string;
            /** Format: uuid */
            id: string;
            /** @description For a PENDING top-up: how to pay it */
            payment: components["schemas"]["Payment"] | null;
            /** @description Midtrans payment type for top-ups (qris, bank_transfer, ...) */
            paymentMethod: string | null;
            reason: string | null;
            reference: string | null;
            relatedTransactionId: string | null;
            /** @enum {string} */
            status: "PENDING" | "SUCCESS" | "FAILED" | "EXPIRED" | "CANCELLED";
            /** @enum {string} */
            type: "TOPUP" | "SUBSCRIPTION_CHARGE" | "REFUND" | "ADJUSTMENT";
            /** Format: date-time */
            updatedAt: string;
        };
        TransactionInput: {
            /** @description Signed integer rupiah: the effect on the balance once SUCCESS (charges are negative) */
            amount: number;
            completedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @constant */
            currency: "IDR";
            description: string;
            /** Format: uuid */
            id: string;
            /** @description For a PENDING top-up: how to pay it */
            payment: components["schemas"]["PaymentInput"] | null;
            /** @description Midtrans payment type for top-ups (qris, bank_transfer, ...) */
            paymentMethod: string | null;
            reason: string | null;
            reference: string | null;
            relatedTransactionId: string | null;
            /** @enum {string} */
            status: "PENDING" | "SUCCESS" | "FAILED" | "EXPIRED" | "CANCELLED";
            /** @enum {string} */
            type: "TOPUP" | "SUBSCRIPTION_CHARGE" | "REFUND" | "ADJUSTMENT";
            /** Format: date-time */
            updatedAt: string;
        };
        User: {
            /** Format: date-time */
            createdAt: string;
            deactivatedAt: string | null;
            email: string;
            /** @description Whether the current email was proven by a verification link */
            emailVerified: boolean;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            lastLoginAt: string | null;
            /**
             * @description The language of your mails: id (Indonesian) or en (English)
             * @enum {string}
             */
            locale: "id" | "en";
            name: string;
            phone: string | null;
            /** @enum {string} */
            role: "USER" | "ADMINISTRATOR";
            /** Format: date-time */
            updatedAt: string;
        };
        UserInput: {
            /** Format: date-time */
            createdAt: string;
            deactivatedAt: string | null;
            email: string;
            /** @description Whether the current email was proven by a verification link */
            emailVerified: boolean;
            /** Format: uuid */
            id: string;
            isActive: boolean;
            lastLoginAt: string | null;
            /**
             * @description The language of your mails: id (Indonesian) or en (English)
             * @enum {string}
             */
            locale: "id" | "en";
            name: string;
            phone: string | null;
            /** @enum {string} */
            role: "USER" | "ADMINISTRATOR";
            /** Format: date-time */
            updatedAt: string;
        };
        Worker: {
            agent: {
                allocation: {
                    [key: string]: unknown;
                } | null;
                allocationAt: string | null;
                cpuCount: number | null;
                disk: {
                    totalBytes: number;
                    usedBytes: number;
                } | null;
                lastHeartbeatAt: string | null;
                load: {
                    fifteen: number;
                    five: number;
                    one: number;
                } | null;
                memory: {
                    totalBytes: number;
                    usedBytes: number;
                } | null;
                version: string | null;
            };
            allocatable: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            architecture: string | null;
            capacity: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            conditions: {
                lastTransitionTime: string | null;
                message: string | null;
                reason: string | null;
                status: string;
                type: string;
            }[];
            containerRuntime: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The last drain and its progress */
            drain: {
                error: string | null;
                evicted: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                failed: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                finishedAt: string | null;
                notifiedSubscriptions: string[];
                skipped: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                startedAt: string | null;
                /** @enum {string} */
                state: "RUNNING" | "DONE" | "FAILED";
                total: number;
                /** @description Refused by a disruption budget so far; retried until the drain timeout */
                waiting: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
            } | null;
            externalIp: string | null;
            goneAt: string | null;
            hostname: string | null;
            /** Format: uuid */
            id: string;
            internalIp: string | null;
            kernelVersion: string | null;
            kubeletVersion: string | null;
            labels: {
                [key: string]: string;
            };
            lastSeenAt: string | null;
            maintenance: {
                by: string | null;
                since: string | null;
                /** @enum {string} */
                state: "CORDONED" | "DRAINING";
            } | null;
            name: string;
            nodeCreatedAt: string | null;
            /** @description The agent reported within the last 3 heartbeat intervals */
            online: boolean;
            operatingSystem: string | null;
            osImage: string | null;
            podCount: number;
            ready: boolean;
            /** @description Summed requests of the pods bound to the node that have not ended */
            requested: {
                cpuMillicores: number;
                memoryMib: number;
            };
            roles: string[];
            schedulable: boolean;
            status: components["schemas"]["WorkerStatus"];
            taints: {
                effect: string;
                key: string;
                value: string | null;
            }[];
            /** Format: date-time */
            updatedAt: string;
            utilization: {
                cpuPercent: number;
                memoryPercent: number;
                podsPercent: number;
            };
        };
        WorkerAllocation: {
            containers?: number;
            /** @description Requested by what runs on the machine, as the agent sees it */
            cpuMillicores: number;
            memoryBytes: number;
            pods: number;
            storageBytes?: number;
        };
        WorkerAllocationAnswer: {
            /** Format: date-time */
            receivedAt: string;
            worker: string;
        };
        WorkerAllocationAnswerInput: {
            /** Format: date-time */
            receivedAt: string;
            worker: string;
        };
        WorkerAllocationInput: {
            containers?: number;
            /** @description Requested by what runs on the machine, as the agent sees it */
            cpuMillicores: number;
            memoryBytes: number;
            pods: number;
            storageBytes?: number;
        };
        WorkerDetail: {
            agent: {
                allocation: {
                    [key: string]: unknown;
                } | null;
                allocationAt: string | null;
                cpuCount: number | null;
                disk: {
                    totalBytes: number;
                    usedBytes: number;
                } | null;
                lastHeartbeatAt: string | null;
                load: {
                    fifteen: number;
                    five: number;
                    one: number;
                } | null;
                memory: {
                    totalBytes: number;
                    usedBytes: number;
                } | null;
                version: string | null;
            };
            allocatable: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            architecture: string | null;
            capacity: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            conditions: {
                lastTransitionTime: string | null;
                message: string | null;
                reason: string | null;
                status: string;
                type: string;
            }[];
            containerRuntime: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The last drain and its progress */
            drain: {
                error: string | null;
                evicted: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                failed: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                finishedAt: string | null;
                notifiedSubscriptions: string[];
                skipped: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                startedAt: string | null;
                /** @enum {string} */
                state: "RUNNING" | "DONE" | "FAILED";
                total: number;
                /** @description Refused by a disruption budget so far; retried until the drain timeout */
                waiting: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
            } | null;
            externalIp: string | null;
            goneAt: string | null;
            hostname: string | null;
            /** Format: uuid */
            id: string;
            internalIp: string | null;
            kernelVersion: string | null;
            kubeletVersion: string | null;
            labels: {
                [key: string]: string;
            };
            lastSeenAt: string | null;
            maintenance: {
                by: string | null;
                since: string | null;
                /** @enum {string} */
                state: "CORDONED" | "DRAINING";
            } | null;
            name: string;
            nodeCreatedAt: string | null;
            /** @description The agent reported within the last 3 heartbeat intervals */
            online: boolean;
            operatingSystem: string | null;
            osImage: string | null;
            podCount: number;
            /** @description The pods the cluster shows on the node now; null when the Kubernetes API did not answer */
            pods: {
                name: string;
                namespace: string;
                phase: string;
                subscriptionId: string | null;
                tenantId: string | null;
            }[] | null;
            ready: boolean;
            /** @description Summed requests of the pods bound to the node that have not ended */
            requested: {
                cpuMillicores: number;
                memoryMib: number;
            };
            roles: string[];
            schedulable: boolean;
            status: components["schemas"]["WorkerStatus"];
            taints: {
                effect: string;
                key: string;
                value: string | null;
            }[];
            /** Format: date-time */
            updatedAt: string;
            utilization: {
                cpuPercent: number;
                memoryPercent: number;
                podsPercent: number;
            };
        };
        WorkerDetailInput: {
            agent: {
                allocation: {
                    [key: string]: unknown;
                } | null;
                allocationAt: string | null;
                cpuCount: number | null;
                disk: {
                    totalBytes: number;
                    usedBytes: number;
                } | null;
                lastHeartbeatAt: string | null;
                load: {
                    fifteen: number;
                    five: number;
                    one: number;
                } | null;
                memory: {
                    totalBytes: number;
                    usedBytes: number;
                } | null;
                version: string | null;
            };
            allocatable: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            architecture: string | null;
            capacity: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            conditions: {
                lastTransitionTime: string | null;
                message: string | null;
                reason: string | null;
                status: string;
                type: string;
            }[];
            containerRuntime: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The last drain and its progress */
            drain: {
                error: string | null;
                evicted: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                failed: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                finishedAt: string | null;
                notifiedSubscriptions: string[];
                skipped: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                startedAt: string | null;
                /** @enum {string} */
                state: "RUNNING" | "DONE" | "FAILED";
                total: number;
                /** @description Refused by a disruption budget so far; retried until the drain timeout */
                waiting: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
            } | null;
            externalIp: string | null;
            goneAt: string | null;
            hostname: string | null;
            /** Format: uuid */
            id: string;
            internalIp: string | null;
            kernelVersion: string | null;
            kubeletVersion: string | null;
            labels: {
                [key: string]: string;
            };
            lastSeenAt: string | null;
            maintenance: {
                by: string | null;
                since: string | null;
                /** @enum {string} */
                state: "CORDONED" | "DRAINING";
            } | null;
            name: string;
            nodeCreatedAt: string | null;
            /** @description The agent reported within the last 3 heartbeat intervals */
            online: boolean;
            operatingSystem: string | null;
            osImage: string | null;
            podCount: number;
            /** @description The pods the cluster shows on the node now; null when the Kubernetes API did not answer */
            pods: {
                name: string;
                namespace: string;
                phase: string;
                subscriptionId: string | null;
                tenantId: string | null;
            }[] | null;
            ready: boolean;
            /** @description Summed requests of the pods bound to the node that have not ended */
            requested: {
                cpuMillicores: number;
                memoryMib: number;
            };
            roles: string[];
            schedulable: boolean;
            status: components["schemas"]["WorkerStatusInput"];
            taints: {
                effect: string;
                key: string;
                value: string | null;
            }[];
            /** Format: date-time */
            updatedAt: string;
            utilization: {
                cpuPercent: number;
                memoryPercent: number;
                podsPercent: number;
            };
        };
        WorkerHeartbeat: {
            agentVersion: string;
            cpuCount?: number;
            disk: {
                totalBytes: number;
                usedBytes: number;
            };
            load: {
                fifteen: number;
                five: number;
                one: number;
            };
            memory?: {
                totalBytes: number;
                usedBytes: number;
            };
            node: string;
        };
        WorkerHeartbeatAnswer: {
            /** @description How often the agent should report */
            intervalSeconds: number;
            /** Format: date-time */
            receivedAt: string;
            status: components["schemas"]["WorkerStatus"];
            worker: string;
        };
        WorkerHeartbeatAnswerInput: {
            /** @description How often the agent should report */
            intervalSeconds: number;
            /** Format: date-time */
            receivedAt: string;
            status: components["schemas"]["WorkerStatusInput"];
            worker: string;
        };
        WorkerHeartbeatInput: {
            agentVersion: string;
            cpuCount?: number;
            disk: {
                totalBytes: number;
                usedBytes: number;
            };
            load: {
                fifteen: number;
                five: number;
                one: number;
            };
            memory?: {
                totalBytes: number;
                usedBytes: number;
            };
            node: string;
        };
        WorkerInput: {
            agent: {
                allocation: {
                    [key: string]: unknown;
                } | null;
                allocationAt: string | null;
                cpuCount: number | null;
                disk: {
                    totalBytes: number;
                    usedBytes: number;
                } | null;
                lastHeartbeatAt: string | null;
                load: {
                    fifteen: number;
                    five: number;
                    one: number;
                } | null;
                memory: {
                    totalBytes: number;
                    usedBytes: number;
                } | null;
                version: string | null;
            };
            allocatable: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            architecture: string | null;
            capacity: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            conditions: {
                lastTransitionTime: string | null;
                message: string | null;
                reason: string | null;
                status: string;
                type: string;
            }[];
            containerRuntime: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The last drain and its progress */
            drain: {
                error: string | null;
                evicted: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                failed: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                finishedAt: string | null;
                notifiedSubscriptions: string[];
                skipped: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
                startedAt: string | null;
                /** @enum {string} */
                state: "RUNNING" | "DONE" | "FAILED";
                total: number;
                /** @description Refused by a disruption budget so far; retried until the drain timeout */
                waiting: {
                    name: string;
                    namespace: string;
                    reason?: string;
                    subscriptionId: string | null;
                    tenantId: string | null;
                }[];
            } | null;
            externalIp: string | null;
            goneAt: string | null;
            hostname: string | null;
            /** Format: uuid */
            id: string;
            internalIp: string | null;
            kernelVersion: string | null;
            kubeletVersion: string | null;
            labels: {
                [key: string]: string;
            };
            lastSeenAt: string | null;
            maintenance: {
                by: string | null;
                since: string | null;
                /** @enum {string} */
                state: "CORDONED" | "DRAINING";
            } | null;
            name: string;
            nodeCreatedAt: string | null;
            /** @description The agent reported within the last 3 heartbeat intervals */
            online: boolean;
            operatingSystem: string | null;
            osImage: string | null;
            podCount: number;
            ready: boolean;
            /** @description Summed requests of the pods bound to the node that have not ended */
            requested: {
                cpuMillicores: number;
                memoryMib: number;
            };
            roles: string[];
            schedulable: boolean;
            status: components["schemas"]["WorkerStatusInput"];
            taints: {
                effect: string;
                key: string;
                value: string | null;
            }[];
            /** Format: date-time */
            updatedAt: string;
            utilization: {
                cpuPercent: number;
                memoryPercent: number;
                podsPercent: number;
            };
        };
        WorkerPage: {
            items: components["schemas"]["Worker"][];
            page: number;
            pageSize: number;
            total: number;
            totalPages: number;
        };
        WorkerPageInput: {
            items: components["schemas"]["WorkerInput"][];
            page: number;
            pageSize: number;
            total: number;
            totalPages: number;
        };
        WorkerStats: {
            agents: {
                /** @description No agent ever reported */
                never: number;
                /** @description Reported before, silent for 3 heartbeat intervals */
                offline: number;
                online: number;
            };
            allocatable: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            byStatus: {
                ACTIVE: number;
                INACTIVE: number;
                MAINTENANCE: number;
                NOT_READY: number;
                PENDING: number;
            };
            capacity: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            cordoned: number;
            gone: number;
            pods: number;
            requested: {
                cpuMillicores: number;
                memoryMib: number;
            };
            schedulable: number;
            /** @description Workers in the cluster now (gone ones left out) */
            total: number;
            utilization: {
                cpuPercent: number;
                memoryPercent: number;
                podsPercent: number;
            };
        };
        WorkerStatsInput: {
            agents: {
                /** @description No agent ever reported */
                never: number;
                /** @description Reported before, silent for 3 heartbeat intervals */
                offline: number;
                online: number;
            };
            allocatable: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            byStatus: {
                ACTIVE: number;
                INACTIVE: number;
                MAINTENANCE: number;
                NOT_READY: number;
                PENDING: number;
            };
            capacity: {
                cpuMillicores: number;
                memoryMib: number;
                pods: number;
                storageMib: number;
            };
            cordoned: number;
            gone: number;
            pods: number;
            requested: {
                cpuMillicores: number;
                memoryMib: number;
            };
            schedulable: number;
            /** @description Workers in the cluster now (gone ones left out) */
            total: number;
            utilization: {
                cpuPercent: number;
                memoryPercent: number;
                podsPercent: number;
            };
        };
        /** @enum {string} */
        WorkerStatus: "ACTIVE" | "INACTIVE" | "MAINTENANCE" | "PENDING" | "NOT_READY";
        /** @enum {string} */
        WorkerStatusInput: "ACTIVE" | "INACTIVE" | "MAINTENANCE" | "PENDING" | "NOT_READY";
        WorkerSyncResult: {
            /** @description Workers marked gone by this sync */
            gone: string[];
            pods: number;
            /** Format: date-time */
            syncedAt: string;
            workers: number;
        };
        WorkerSyncResultInput: {
            /** @description Workers marked gone by this sync */
            gone: string[];
            pods: number;
            /** Format: date-time */
            syncedAt: string;
            workers: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
