#include "clustering/knnindex.h"

namespace equiscope {

QString knnIndexName(KnnIndex index)
{
    switch (index) {
    case KnnIndex::Exact:
        return QStringLiteral("exact");
    case KnnIndex::Hnsw:
        return QStringLiteral("hnsw");
    case KnnIndex::Ivf:
        return QStringLiteral("ivf");
    }
    return {};
}

Expected<KnnIndex> knnIndexFromName(const QString &name, const QString &where)
{
    for (KnnIndex i : {KnnIndex::Exact, KnnIndex::Hnsw, KnnIndex::Ivf})
        if (knnIndexName(i) == name)
            return i;
    return fieldError(where, QStringLiteral("knn"), QStringLiteral("exact, hnsw or ivf"), name);
}

} // namespace equiscope
