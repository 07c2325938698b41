package org.schooltrust.smp.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * XHTML to PDF (openhtmltopdf on Apache PDFBox; ADR 0028): the layout is the template's, the fonts PDF's standard
 * Helvetica, nothing fetched from anywhere (no base URI: a template cannot reach the network or the disk).
 */
@ApplicationScoped
class PdfRenderer {

    byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out the report", e);
        }
        return out.toByteArray();
    }
}
