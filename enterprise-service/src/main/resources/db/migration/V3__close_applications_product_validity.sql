-- the product replica keeps the product's validity: an application to a product not valid today is refused (422)
alter table product_summary add column valid_from date, add column valid_to date;
