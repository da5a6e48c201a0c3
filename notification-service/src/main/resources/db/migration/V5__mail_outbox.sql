-- E-mail (issue 15 §1, channel EMAIL): each mail is written here in the transaction that stores its notification, and
-- sent by the scheduled MailSender with retry and backoff — nothing is lost while the SMTP server is down; a row is
-- sent until sent_at is set, and (notification, recipient) is unique, so one notification mails an address once.
create table mail_outbox (
    id              uuid         primary key,
    notification_id uuid         not null references notification (id) on delete cascade,
    recipient       varchar(254) not null,
    subject         varchar(500) not null,
    html            text         not null,
    text_body       text         not null,
    created_at      timestamptz  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      text,
    sent_at         timestamptz,
    constraint mail_outbox_once unique (notification_id, recipient)
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;

-- administrators' addresses: a role:admin notification mails every user known to have the admin role
alter table user_contact add column admin boolean not null default false;
