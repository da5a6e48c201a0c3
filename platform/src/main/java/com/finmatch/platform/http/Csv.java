package com.finmatch.platform.http;

import java.util.Arrays;
import java.util.stream.Collectors;

/** CSV as the services export it (RFC 4180, CRLF): cells quoted when needed, text a spreadsheet would run as a formula defused. */
public final class Csv {

    private Csv() {
    }

    /** One row, ending in CRLF. */
    public static String line(Object... values) {
        return Arrays.stream(values).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** A CSV cell: quoted when needed, and text that a spreadsheet would run as a formula is defused. */
    public static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        if (!(value instanceof Number) && s.length() > 1 && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
