package org.istanas.data;

import java.util.List;
import org.istanas.api.data.DatasetProvider;
import org.istanas.api.spi.NasPlugin;
import org.istanas.data.cifar.Cifar10Provider;
import org.istanas.data.folder.ImageFolderProvider;
import org.istanas.data.idx.IdxProvider;
import org.istanas.data.synthetic.SyntheticProvider;

/** The built-in datasets: {@code cifar10}, {@code fashion-mnist}, {@code mnist}, {@code imagenet-folder}, {@code synthetic}. */
public final class DataPlugin implements NasPlugin {
    @Override
    public List<DatasetProvider> datasets() {
        return List.of(new Cifar10Provider(), IdxProvider.fashionMnist(), IdxProvider.mnist(),
                new ImageFolderProvider(), new SyntheticProvider());
    }
}
