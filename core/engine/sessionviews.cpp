// TrainingSession: embeddings of augmented views (clustering identities made of views).
#include "trainingsession_p.h"

namespace equiscope {

QVector<float> TrainingSession::augmentedEmbeddings(const std::vector<qint64> &samples, int views,
                                                    quint64 seed, int *dim)
{
    Private &p = *d;
    torch::NoGradGuard guard;
    p.model->eval();
    BatchAugmenter augmenter(p.config.augment, seed);
    torch::manual_seed(seed);
    QVector<float> out;
    const size_t chunk = 256;
    int width = p.model->representationDim();
    for (size_t i = 0; i < samples.size(); i += chunk) {
        const std::vector<qint64> part(samples.begin() + qint64(i),
                                       samples.begin() +
                                           qint64(std::min(samples.size(), i + chunk)));
        std::vector<torch::Tensor> perView;
        for (int v = 0; v < views; ++v) {
            torch::Tensor x;
            if (p.dataset.images) {
                x = augmenter.augment(p.gatherImages(part));
            } else {
                const auto f = p.gatherFeatures(part);
                x = f + 0.05 * torch::randn_like(f); // as in training
            }
            perView.push_back(p.model->represent(x.to(p.device)).to(torch::kCPU));
        }
        // [views, b, d] → [b, views, d]: sample-major rows.
        const auto rep = torch::stack(perView).transpose(0, 1).contiguous();
        width = int(rep.size(2));
        out.append(QVector<float>(rep.data_ptr<float>(), rep.data_ptr<float>() + rep.numel()));
    }
    p.model->train();
    if (dim)
        *dim = width;
    return out;
}

} // namespace equiscope
