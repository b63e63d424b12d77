package org.istanas.data.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.data.DatasetRequest;
import org.istanas.api.data.ImageDataset;
import org.istanas.data.common.ProviderOptions;
import org.istanas.data.common.Sha256;

/**
 * {@code imagenet-folder}: {@code train/<class>/*.jpg|jpeg|png} and {@code val/<class>/...} (or {@code test/}). Class
 * names are the training sub-directories in sorted order (as torchvision's ImageFolder); a validation class that
 * has no training directory is an error. Within a split, images are ordered round-robin over the classes (the k-th
 * image of every class in turn, files sorted by name), so {@code limit} keeps a class-balanced prefix.
 *
 * <p>Options: {@code imageSize} (default 224, the crop the network sees) and {@code resizeSize} (default
 * imageSize * 8/7, i.e. 256 for 224: the stored size, shorter side resized to it, then centre-cropped square). Networks
 * are built for the crops ({@link org.istanas.data.pipeline.Augmentation#networkInput}), not for the stored size.
 */
public final class ImageFolderProvider implements DatasetProvider {
    public static final String NAME = "imagenet-folder";
    public static final String IMAGE_SIZE = "imageSize";
    public static final String RESIZE_SIZE = "resizeSize";
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png");
    private static final List<String> EVAL_DIRS = List.of("val", "validation", "test");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ImageNet-style folders train/<class>/*.jpg|png and val/<class>/..., decoded and resized on the fly";
    }

    @Override
    public ImageDataset open(DatasetRequest request) throws IOException {
        Objects.requireNonNull(request, "request is null");
        ProviderOptions options = ProviderOptions.of(NAME, request.options(), Set.of(IMAGE_SIZE, RESIZE_SIZE));
        int imageSize = options.intValue(IMAGE_SIZE, 224, 8, 4096);
        int resizeSize = options.intValue(RESIZE_SIZE, defaultResizeSize(imageSize), 8, 4096);
        if (resizeSize < imageSize) {
            throw new IllegalArgumentException("option '" + RESIZE_SIZE + "' (" + resizeSize + ") of dataset '" + NAME
                    + "' must be at least '" + IMAGE_SIZE + "' (" + imageSize + ")");
        }
        Path root = request.dataDir();
        if (root == null) {
            throw new IllegalArgumentException("dataset '" + NAME + "' needs a data directory holding train/<class>/"
                    + " and val/<class>/ image folders");
        }
        Path trainDir = root.resolve("train");
        if (!Files.isDirectory(trainDir)) {
            throw new NoSuchFileException(trainDir.toString(), null, "image-folder dataset needs a train/ directory"
                    + " with one sub-directory per class");
        }
        Path evalDir = EVAL_DIRS.stream().map(root::resolve).filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new NoSuchFileException(root.toString(), null,
                        "image-folder dataset needs a val/ (or validation/, test/) directory next to train/"));
        List<String> classes;
        try (Stream<Path> dirs = Files.list(trainDir)) {
            classes = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        if (classes.size() < 2) {
            throw new IOException(trainDir + ": found " + classes.size() + " class directories; need at least 2");
        }
        if (classes.size() > 65536) {
            throw new IOException(trainDir + ": too many class directories (" + classes.size() + ")");
        }
        Map<String, Integer> labels = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            labels.put(classes.get(i), i);
        }
        try (Stream<Path> dirs = Files.list(evalDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (!labels.containsKey(dir.getFileName().toString())) {
                    throw new IOException(dir + ": class '" + dir.getFileName() + "' has no training directory in "
                            + trainDir);
                }
            }
        }
        MessageDigest digest = Sha256.newDigest();
        List<ImageFile> train = list(root, trainDir, classes, request.limit(), digest);
        List<ImageFile> eval = list(root, evalDir, classes, request.limit(), digest);
        if (train.isEmpty()) {
            throw new IOException(trainDir + ": no .jpg, .jpeg or .png images in the class directories");
        }
        if (eval.isEmpty()) {
            throw new IOException(evalDir + ": no .jpg, .jpeg or .png images in the class directories");
        }
        return new ImageFolderDataset(root, classes, new ImageFolderSplit(train, resizeSize),
                new ImageFolderSplit(eval, resizeSize), imageSize, Sha256.hex(digest));
    }

    /**
     * The stored side for crops of {@code imageSize}: ImageNet's 256 for 224 crops, and the same 8/7 ratio for every
     * other crop size, so that the evaluation's centre crop keeps the same share of the image whatever the size.
     */
    static int defaultResizeSize(int imageSize) {
        return (int) Math.min(4096, Math.round(imageSize * 8.0 / 7.0));
    }

    /** Lists the images of one split in round-robin class order, hashing the listing into {@code digest}. */
    private static List<ImageFile> list(Path root, Path splitDir, List<String> classes, int limit,
                                        MessageDigest digest) throws IOException {
        List<List<Path>> perClass = new ArrayList<>();
        for (String cls : classes) {
            Path dir = splitDir.resolve(cls);
            if (!Files.isDirectory(dir)) {
                perClass.add(List.of());
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> images = files.filter(ImageFolderProvider::isImage).sorted().toList();
                for (Path image : images) {
                    long size = Files.size(image);
                    if (size == 0) {
                        throw new IOException(image + ": empty image file");
                    }
                    digest.update((root.relativize(image).toString().replace('\\', '/') + "\t" + size + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                perClass.add(images);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        List<ImageFile> ordered = new ArrayList<>();
        int longest = perClass.stream().mapToInt(List::size).max().orElse(0);
        int max = limit == 0 ? Integer.MAX_VALUE : limit;
        for (int k = 0; k < longest && ordered.size() < max; k++) {
            for (int c = 0; c < perClass.size() && ordered.size() < max; c++) {
                if (k < perClass.get(c).size()) {
                    ordered.add(new ImageFile(perClass.get(c).get(k), c));
                }
            }
        }
        return ordered;
    }

    private static boolean isImage(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && Files.isRegularFile(path);
    }
}
