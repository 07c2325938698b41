package org.schooltrust.smp.common.error;

/** A kind of error: its status, stable type URI and title. Published values never change. */
public record ProblemType(int status, String slug, String title) {

    public static final String BASE_URI = "https://smp.schooltrust.example/problems/";

    public String uri() {
        return BASE_URI + slug;
    }
}
