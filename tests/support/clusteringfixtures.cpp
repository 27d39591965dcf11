#include "clusteringfixtures.h"

#include "fixtures.h"

#include <QDir>

#include <cmath>
#include <random>

namespace fixtures {

QString writeClusteringFeatures(const QString &dir, int identities, int perIdentity, int dim,
                                double spread, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> g;
    QByteArray features, labels, groups;
    for (int id = 0; id < identities; ++id) {
        std::vector<double> centre(static_cast<size_t>(dim));
        double norm = 0;
        for (double &c : centre) {
            c = g(rng);
            norm += c * c;
        }
        for (double &c : centre)
            c /= std::sqrt(norm);
        for (int s = 0; s < perIdentity; ++s) {
            for (int d = 0; d < dim; ++d) {
                const float v = float(centre[size_t(d)] + spread * g(rng) / std::sqrt(dim));
                features.append(reinterpret_cast<const char *>(&v), sizeof v);
            }
            labels += QByteArray::number(id * 3 + 5) + '\n';
            groups += (id % 4 == 3 ? "rare\n" : "common\n");
        }
    }
    const QDir d(dir);
    writeFile(d.filePath(QStringLiteral("features.bin")), features);
    writeFile(d.filePath(QStringLiteral("labels.meta")), labels);
    writeFile(d.filePath(QStringLiteral("groups.txt")), groups);
    return d.filePath(QStringLiteral("features.bin"));
}

equiscope::ClusteringConfig tinyClusteringRun(const QString &featuresPath,
                                              equiscope::ClusteringMethod method)
{
    using namespace equiscope;
    ClusteringConfig c = ClusteringConfig::forMethod(method);
    c.dataset.format = QStringLiteral("features");
    c.dataset.path = featuresPath;
    c.dataset.options.insert(QStringLiteral("groups"), QStringLiteral("groups.txt"));
    c.k = 10;
    c.subClusters = 2;
    c.layers = 1;
    c.heads = 2;
    c.width = 32;
    c.dropout = 0.0;
    c.epochs = 2;
    c.batchSize = 32;
    c.learningRate = 3e-3;
    c.minGroupSize = 5;
    c.attentionAnchors = 3;
    c.seed = 4;
    return c;
}

} // namespace fixtures
