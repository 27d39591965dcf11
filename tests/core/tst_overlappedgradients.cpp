// The gradient all-reduce that overlaps the backward (core/distributed/overlappedgradients.cpp),
// with two ranks in one process (two threads meeting over loopback): the same gradients as the
// one-bucket all-reduce after the backward, buckets started during the backward, and the
// look-ahead's torch::autograd::grad left alone.
#include "freeport.h"

#include "distributed/dataparallelops_p.h"
#include "distributed/distributedenvironment.h"
#include "distributed/overlappedgradients_p.h"

#include <QtTest>

#include <thread>

using namespace equiscope;

namespace {

/// What one rank measured.
struct RankResult
{
    QString error;
    std::vector<torch::Tensor> overlapped, afterwards; ///< gradients by the two reductions
    int buckets = 0;
    int startedDuringBackward = 0;
    bool lookAheadLeftAlone = false;
};

/// A 3-layer MLP whose layers go to different buckets (buckets of 16 floats); rank r's input
/// rows differ, so the summed gradients differ from either rank's own.
RankResult runRank(int rank, quint16 port)
{
    RankResult r;
    DistributedEnvironment env;
    env.rank = rank;
    env.worldSize = 2;
    env.localRank = rank;
    env.masterAddress = QStringLiteral("127.0.0.1");
    env.masterPort = port;
    env.connectTimeoutSeconds = 30;
    env.collectiveTimeoutSeconds = 60;
    auto group = DataParallelGroup::join(env);
    if (!group) {
        r.error = group.error().toString();
        return r;
    }
    torch::manual_seed(7);
    torch::nn::Sequential net(torch::nn::Linear(4, 6), torch::nn::Tanh(), torch::nn::Linear(6, 5),
                              torch::nn::Tanh(), torch::nn::Linear(5, 3));
    torch::nn::Linear head(3, 2); // "replicated": averaged
    torch::manual_seed(100 + rank);
    const auto x = torch::randn({8, 4});
    auto lossOf = [&] { return head(net->forward(x)).pow(2).sum(); };

    OverlappedGradientReduction reduction(*group.value(), net->parameters(), head->parameters(),
                                          16);
    r.buckets = reduction.bucketCount();
    // The look-ahead's autograd::grad must not count as the step's backward.
    reduction.arm();
    const auto params = net->parameters();
    torch::autograd::grad({lossOf()}, params);
    r.lookAheadLeftAlone = reduction.started() == 0;
    if (!r.lookAheadLeftAlone)
        r.error = QStringLiteral("the look-ahead started %1 bucket(s)").arg(reduction.started());
    for (auto &p : net->parameters())
        p.mutable_grad() = torch::Tensor();
    for (auto &p : head->parameters())
        p.mutable_grad() = torch::Tensor();

    reduction.arm();
    lossOf().backward();
    reduction.finish();
    r.startedDuringBackward = reduction.startedDuringBackward();
    for (auto &p : net->parameters())
        r.overlapped.push_back(p.grad().clone());
    for (auto &p : head->parameters())
        r.overlapped.push_back(p.grad().clone());

    for (auto &p : net->parameters())
        p.mutable_grad().zero_();
    for (auto &p : head->parameters())
        p.mutable_grad().zero_();
    lossOf().backward();
    allReduceGradients(*group.value(), net->parameters(), head->parameters());
    for (auto &p : net->parameters())
        r.afterwards.push_back(p.grad().clone());
    for (auto &p : head->parameters())
        r.afterwards.push_back(p.grad().clone());
    return r;
}

} // namespace

class TestOverlappedGradients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheReductionAfterTheBackward()
    {
        torch::set_num_threads(1);
        const quint16 port = fixtures::freePort();
        RankResult one;
        std::thread other([&] { one = runRank(1, port); });
        const RankResult zero = runRank(0, port);
        other.join();
        QVERIFY2(zero.error.isEmpty(), qPrintable(zero.error));
        QVERIFY2(one.error.isEmpty(), qPrintable(one.error));
        QVERIFY2(zero.buckets >= 3, qPrintable(QString::number(zero.buckets)));
        // All but the buckets holding the first layers' gradients start during the backward.
        QVERIFY2(zero.startedDuringBackward >= 1,
                 qPrintable(QString::number(zero.startedDuringBackward)));
        QVERIFY(zero.lookAheadLeftAlone && one.lookAheadLeftAlone);
        QCOMPARE(zero.overlapped.size(), zero.afterwards.size());
        for (size_t i = 0; i < zero.overlapped.size(); ++i) {
            QVERIFY2(torch::allclose(zero.overlapped[i], zero.afterwards[i], 1e-6, 1e-7),
                     qPrintable(QStringLiteral("tensor %1").arg(i)));
            // Both ranks hold the same reduced gradient.
            QVERIFY(torch::allclose(zero.overlapped[i], one.overlapped[i], 1e-6, 1e-7));
        }
    }
};

QTEST_GUILESS_MAIN(TestOverlappedGradients)
#include "tst_overlappedgradients.moc"
