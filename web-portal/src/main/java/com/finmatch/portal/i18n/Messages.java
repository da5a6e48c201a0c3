package com.finmatch.portal.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The user-facing texts: {@code i18n/messages_zh.properties} (the default, complete) and
 * {@code i18n/messages_en.properties}; a key missing in English falls back to Chinese, a key missing everywhere shows
 * itself (so a test notices).
 */
public final class Messages {
    public static final String DEFAULT = "zh";
    private static final Map<String, Properties> BUNDLES = Map.of("zh", load("zh"), "en", load("en"));

    private Messages() {
    }

    public static boolean supported(String code) {
        return code != null && BUNDLES.containsKey(code);
    }

    public static String get(String lang, String key, Object... args) {
        String text = BUNDLES.getOrDefault(lang, BUNDLES.get(DEFAULT)).getProperty(key);
        if (text == null) {
            text = BUNDLES.get(DEFAULT).getProperty(key, key);
        }
        return args.length == 0 ? text : new MessageFormat(text, "en".equals(lang) ? Locale.ENGLISH : Locale.CHINA).format(args);
    }

    public static boolean has(String key) {
        return BUNDLES.get(DEFAULT).containsKey(key);
    }

    private static Properties load(String lang) {
        String name = "i18n/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
