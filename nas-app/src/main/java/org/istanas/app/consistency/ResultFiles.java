package org.istanas.app.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.istanas.api.run.RunFolder;

/** Reads the accuracy a finished run recorded in its result.json. */
final class ResultFiles {
    /** The field of a search's result.json: super-net accuracy on the validation split after the last epoch. */
    static final String SEARCH_ACCURACY = "validAccuracy";
    /** The field of an evaluation's result.json: accuracy of the retrained network on the test split. */
    static final String EVALUATION_ACCURACY = "testAccuracy";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFiles() {
    }

    static double accuracy(Path runFolder, String field) throws IOException {
        Path file = runFolder.resolve(RunFolder.RESULT);
        JsonNode root = JSON.readTree(file.toFile());
        JsonNode value = root == null ? null : root.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IOException(file + ": field '" + field + "' is " + (value == null ? "missing" : value)
                    + "; expected a finite number");
        }
        return value.asDouble();
    }
}
