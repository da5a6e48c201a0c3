-- recommendations read an enterprise's applications per (need, product); declines are looked up per pair
create index application_rm_enterprise on application_rm (enterprise_id);
create index application_rm_pair on application_rm (need_id, product_id);
