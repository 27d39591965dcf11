#include "clustering/clusteringdata.h"

#include "data/groupassignment.h"

#include <QMap>

#include <algorithm>
#include <random>

namespace equiscope {

Expected<Done> assignClusteringGroups(const AttributeTable &table, const ClusteringConfig &config,
                                      const QString &source, ClusteringData &data)
{
    QStringList sensitive = config.sensitive;
    // The default "group" column is optional: feature files often come without a group file.
    if (sensitive == QStringList{QStringLiteral("group")} &&
        !table.contains(QStringLiteral("group"))) {
        data.warnings << QStringLiteral("no group labels: per-group metrics are not computed");
        return Done{};
    }
    if (sensitive.isEmpty())
        return Done{};
    GroupOptions go;
    go.sensitive = sensitive;
    go.binning = BinningMethod::KMeans;
    go.bins = config.groupBins;
    go.minGroupSize = config.minGroupSize;
    go.seed = config.seed;
    auto groups = assignGroups(table, go, source);
    if (!groups)
        return groups.error();
    data.groupOf = groups->groupOf;
    data.groupLabels.clear();
    for (const Group &g : groups->groups)
        data.groupLabels << g.label;
    return Done{};
}

Expected<ClusteringData> clusteringDataFromDataset(const Dataset &ds,
                                                   const ClusteringConfig &config)
{
    const QString source = ds.spec.path;
    if (!ds.features)
        return fieldError(source, {}, QStringLiteral("feature vectors (format 'features')"),
                          QStringLiteral("an image dataset; cluster a run's embeddings of it"));
    if (!ds.attributes.contains(config.identity))
        return fieldError(source, QStringLiteral("identity"),
                          QStringLiteral("a label column (one of: %1)")
                              .arg(ds.attributes.names().join(QStringLiteral(", "))),
                          config.identity.isEmpty() ? QStringLiteral("nothing") : config.identity);
    const Attribute &id = ds.attributes.column(config.identity);
    if (!id.isDiscrete())
        return fieldError(source, config.identity, QStringLiteral("integer cluster labels"),
                          QStringLiteral("a %1 column").arg(attributeTypeName(id.type())));
    ClusteringData data;
    data.source = source;
    data.features = ds.features;
    data.identity.assign(id.codes().begin(), id.codes().end());
    auto groups = assignClusteringGroups(ds.attributes, config, source, data);
    if (!groups)
        return groups.error();
    auto sub = subsampleGroupIdentities(config, data);
    if (!sub)
        return sub.error();
    return data;
}

Expected<Done> subsampleGroupIdentities(const ClusteringConfig &config, ClusteringData &data)
{
    if (config.subsampleGroup.isEmpty() || config.subsampleFraction >= 1)
        return Done{};
    int target = -1;
    for (int g = 0; g < data.groupLabels.size(); ++g) {
        const QString &label = data.groupLabels[g];
        if (label == config.subsampleGroup ||
            label.section(QLatin1Char('='), 1) == config.subsampleGroup)
            target = g;
    }
    if (target < 0)
        return fieldError(data.source, QStringLiteral("subsampleGroup"),
                          QStringLiteral("one of the groups: %1")
                              .arg(data.groupLabels.join(QStringLiteral(", "))),
                          config.subsampleGroup);
    // Majority group of each identity.
    QMap<int64_t, QMap<int, qint64>> counts;
    for (size_t i = 0; i < data.identity.size(); ++i)
        ++counts[data.identity[i]][data.groupOf[i]];
    std::vector<int64_t> inGroup;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        int best = -1;
        qint64 bestCount = -1;
        for (auto g = it->begin(); g != it->end(); ++g)
            if (g.value() > bestCount) {
                best = g.key();
                bestCount = g.value();
            }
        if (best == target)
            inGroup.push_back(it.key());
    }
    std::mt19937_64 rng(config.seed * 0x9E3779B97F4A7C15ull + 17);
    std::shuffle(inGroup.begin(), inGroup.end(), rng);
    const size_t keep =
        std::max<size_t>(1, size_t(double(inGroup.size()) * config.subsampleFraction + 0.5));
    std::vector<int64_t> dropped(inGroup.begin() + qint64(std::min(keep, inGroup.size())),
                                 inGroup.end());
    std::sort(dropped.begin(), dropped.end());
    std::vector<qint64> rows;
    for (size_t i = 0; i < data.identity.size(); ++i)
        if (!std::binary_search(dropped.begin(), dropped.end(), data.identity[i]))
            rows.push_back(qint64(i));

    const int dim = data.dim();
    std::vector<float> values(rows.size() * size_t(dim));
    for (size_t r = 0; r < rows.size(); ++r)
        std::copy_n(data.features->row(rows[r]), dim, values.begin() + qint64(r) * dim);
    ClusteringData out = data;
    out.features = std::make_shared<FeatureMatrix>(qint64(rows.size()), dim, std::move(values));
    out.identity.clear();
    out.groupOf.clear();
    out.imageIndex.clear();
    for (qint64 r : rows) {
        out.identity.push_back(data.identity[size_t(r)]);
        out.groupOf.push_back(data.groupOf[size_t(r)]);
        if (!data.imageIndex.empty())
            out.imageIndex.push_back(data.imageIndex[size_t(r)]);
    }
    out.warnings << QStringLiteral("group %1: kept %2 of %3 identities")
                        .arg(data.groupLabels[target])
                        .arg(std::min(keep, inGroup.size()))
                        .arg(inGroup.size());
    data = std::move(out);
    return Done{};
}

} // namespace equiscope
