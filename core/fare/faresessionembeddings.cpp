// FareSession: the stored embedding subset of the test split.
#include "fare/faresession_p.h"

#include "nn/embeddingset.h"

#include <algorithm>
#include <random>

namespace equiscope {

EmbeddingSet FareSession::embeddingSet(int maxSamples)
{
    Private &p = *d;
    EmbeddingSet e;
    std::vector<qint64> samples = p.testSamples;
    if (maxSamples > 0 && qint64(samples.size()) > maxSamples) {
        // A seeded subset, so the same run always shows the same points.
        std::mt19937_64 rng(p.config.seed * 0x9E3779B97F4A7C15ull + 0xE3B0C442ull);
        std::shuffle(samples.begin(), samples.end(), rng);
        samples.resize(size_t(maxSamples));
        std::sort(samples.begin(), samples.end());
    }
    if (samples.empty())
        return e;
    int dim = 0;
    e.values = embeddings(samples, &dim);
    e.dim = dim;
    const Attribute &target = p.dataset.attributes.column(p.config.target);
    e.targetName = p.config.target;
    e.targetLabels = target.levels();
    for (const Group &g : p.groups.groups)
        e.groupLabels << g.label;
    for (qint64 s : samples) {
        e.samples << s;
        e.targets << target.code(s);
        e.groups << p.groups.groupOf[size_t(s)];
    }
    return e;
}

} // namespace equiscope
