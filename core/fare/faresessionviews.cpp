// FareSession: embeddings of augmented views (clustering identities made of views).
#include "fare/faresession_p.h"

#include <QStringList>

#include <torch/script.h>

namespace equiscope {

QVector<float> FareSession::augmentedEmbeddings(const std::vector<qint64> &samples, int views,
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

Expected<QVector<float>> FareSession::scriptedEmbeddings(const QString &modulePath,
                                                         const std::vector<qint64> &samples,
                                                         int views, quint64 seed, int *dim)
{
    Private &p = *d;
    auto fail = [&](const QString &detail) {
        DataError e;
        e.file = modulePath;
        e.detail = detail;
        return e;
    };
    torch::jit::Module module;
    try {
        module = torch::jit::load(modulePath.toStdString(), torch::kCPU);
    } catch (const std::exception &e) {
        return fail(QStringLiteral("not a TorchScript module (torch.jit.save / "
                                   "torch::jit::Module::save): %1")
                        .arg(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    module.eval();
    torch::NoGradGuard guard;
    BatchAugmenter augmenter(p.config.augment, seed);
    torch::manual_seed(seed);
    QVector<float> out;
    int width = 0;
    const size_t chunk = 256;
    for (size_t i = 0; i < samples.size(); i += chunk) {
        const std::vector<qint64> part(samples.begin() + qint64(i),
                                       samples.begin() +
                                           qint64(std::min(samples.size(), i + chunk)));
        std::vector<torch::Tensor> perView;
        for (int v = 0; v < std::max(1, views); ++v) {
            // One view: the test-time transform; more: the training augmentation, as
            // augmentedEmbeddings() does for a run's own encoder.
            torch::Tensor x;
            if (p.dataset.images)
                x = views > 1 ? augmenter.augment(p.gatherImages(part))
                              : p.augmenter->evaluate(p.gatherImages(part));
            else
                x = p.gatherFeatures(part);
            torch::Tensor y;
            try {
                const c10::IValue r = module.forward({x});
                if (!r.isTensor())
                    return fail(QStringLiteral("forward() must return one tensor of "
                                               "representations"));
                y = r.toTensor().to(torch::kCPU, torch::kFloat32).flatten(1);
            } catch (const std::exception &e) {
                QStringList shape;
                for (const qint64 n : x.sizes())
                    shape << QString::number(n);
                return fail(QStringLiteral("forward() failed on a batch of shape [%1]: %2")
                                .arg(shape.join(QStringLiteral(", ")),
                                     QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
            }
            if (y.size(0) != qint64(part.size()))
                return fail(QStringLiteral("forward() returned %1 rows for a batch of %2")
                                .arg(y.size(0))
                                .arg(part.size()));
            perView.push_back(y);
        }
        const auto rep = torch::stack(perView).transpose(0, 1).contiguous();
        width = int(rep.size(2));
        out.append(QVector<float>(rep.data_ptr<float>(), rep.data_ptr<float>() + rep.numel()));
    }
    if (dim)
        *dim = width;
    return out;
}

} // namespace equiscope
