package com.finmatch.portal.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * Texts in templates: {@code {t:home_title}} is the text of key {@code home_title} in the request's language;
 * {@code {t:code('status', app.status)}} the label of a code ({@code status_APPROVED}), the code itself when unknown;
 * {@code {t:zhEn(reason)}} picks {@code zh} or {@code en} of a {zh, en} message from a service.
 */
@TemplateExtension(namespace = "t")
public class TextExtensions {

    static String code(String group, Object value) {
        if (value == null) {
            return "";
        }
        String key = group + "_" + value;
        return Messages.has(key) ? Messages.get(lang(), key) : value.toString();
    }

    static String fmt(String key, Object arg) {
        return Messages.get(lang(), key, arg);
    }

    static String fmt2(String key, Object arg1, Object arg2) {
        return Messages.get(lang(), key, arg1, arg2);
    }

    static String zhEn(Object message) {
        if (message != null && message.getClass().getPackageName().startsWith("com.finmatch.portal.client.")) {
            message = com.finmatch.portal.client.ClientJson.object(message); // a generated {zh, en} model
        }
        if (message instanceof java.util.Map<?, ?> m) {
            Object text = m.get(lang());
            if (text == null) {
                text = m.get("zh");
            }
            if (text == null) {
                text = m.get("name"); // e.g. a policy tool named by the service
            }
            return text == null ? "" : text.toString();
        }
        return message == null ? "" : message.toString();
    }

    /**
     * The message of a form field's error: a portal key ({@code uscc_length}, {@code uscc_check:X} with its argument)
     * in the user's language, or the service's own message.
     */
    static String err(Object errors, String field) {
        if (!(errors instanceof java.util.Map<?, ?> m) || m.get(field) == null) {
            return "";
        }
        String value = m.get(field).toString();
        int colon = value.indexOf(':');
        String key = colon > 0 ? value.substring(0, colon) : value;
        if (Messages.has(key)) {
            return colon > 0 ? Messages.get(lang(), key, value.substring(colon + 1)) : Messages.get(lang(), key);
        }
        return Messages.get(lang(), "field_invalid", value);
    }

    /** The page's one-line confirmation ({@code ?done=registered}) when the key is one of ours. */
    static String done(Object key) {
        return key != null && Messages.has("done_" + key) ? Messages.get(lang(), "done_" + key) : "";
    }

    static String failed(Object key) {
        return key != null && Messages.has("failed_" + key) ? Messages.get(lang(), "failed_" + key) : "";
    }

    /** {@code {t:msg(key)}}: the text of a message key held in a value (e.g. a KPI's label in the trend table). */
    static String msg(Object key) {
        return key == null ? "" : Messages.get(lang(), key.toString());
    }

    static String lang() {
        var lang = Arc.container().instance(Lang.class);
        return lang.isAvailable() && Arc.container().requestContext().isActive() ? lang.get().code() : Messages.DEFAULT;
    }

    @TemplateExtension(namespace = "t", matchName = TemplateExtension.ANY, priority = 1)
    static String text(String key) {
        return Messages.get(lang(), key);
    }
}
