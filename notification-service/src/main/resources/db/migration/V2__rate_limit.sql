-- the shared rate-limit counter of every replica (platform: com.finmatch.platform.ratelimit.PostgresRateLimitStore;
-- the same table in every service). UNLOGGED: no WAL per request; a crash or failover empties it (clients get a fresh window)
create unlogged table rate_limit_window (
    client_key   text        not null,
    window_start timestamptz not null,
    used         integer     not null,
    granted      integer     not null,
    primary key (client_key, window_start)
);
create index rate_limit_window_start on rate_limit_window (window_start);
