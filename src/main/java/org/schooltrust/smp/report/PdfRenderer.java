package org.schooltrust.smp.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * XHTML to PDF (openhtmltopdf on Apache PDFBox; ADR 0028): the layout is the template's; the font is DejaVu Sans,
 * carried in the jar ({@code fonts/}, free licence beside it) and embedded as a subset, so every name prints — Welsh
 * ŵ and ŷ, Polish ł — where PDF's standard Helvetica knows only WinAnsi. Nothing is fetched from anywhere (no base
 * URI: a template cannot reach the network or the disk).
 */
@ApplicationScoped
class PdfRenderer {

    /** The family the template names. */
    static final String FONT = "DejaVu Sans";

    byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out the report", e);
        }
        return out.toByteArray();
    }

    private static java.io.InputStream font(String file) {
        return PdfRenderer.class.getResourceAsStream("/fonts/" + file);
    }
}
