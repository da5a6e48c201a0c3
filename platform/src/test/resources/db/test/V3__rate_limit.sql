-- the shared rate-limit counter (com.finmatch.platform.ratelimit.PostgresRateLimitStore); the same in every service
create unlogged table rate_limit_window (
    client_key   text        not null,
    window_start timestamptz not null,
    used         integer     not null,
    granted      integer     not null,
    primary key (client_key, window_start)
);
create index rate_limit_window_start on rate_limit_window (window_start);
