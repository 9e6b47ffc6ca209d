-- When a user's password was last changed (by the user or an administrator; not by the rehash at login, which
-- keeps the same password). Web sessions opened before this moment end at their next request, so a password reset
-- locks out whoever held an old session. An edit of password_hash by SQL should set it too.

alter table argus.app_user add column password_changed_at timestamptz not null default now();
