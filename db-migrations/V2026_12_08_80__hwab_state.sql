-- Holt-Winters forecasters of services with maxdeviation (issue 18): one row per service, the state the original
-- kept in its hwab.db as one deflated blob (ForecastCodec). model and period are repeated as columns so a reader
-- can see them; the forecaster starts over when either changes. Rows not written for two weeks are dropped, as the
-- original cleaned its file.
create table argus.hwab_state (
    object_id      bigint      not null primary key references argus.object (id) on delete cascade,
    model          text        not null,
    period_seconds bigint      not null,
    state          bytea       not null,
    updated_at     timestamptz not null,
    constraint hwab_state_model_valid check (model in ('additive', 'multiplicative')),
    constraint hwab_state_period_valid check (period_seconds >= 300),
    constraint hwab_state_size_valid check (length(state) <= 4000000)
);
