#include "nn/batchaugmenter_p.h"
#include "nn/encoders_p.h"

#include <QtTest>

using namespace equiscope;

class TestBatchAugmenter : public QObject
{
    Q_OBJECT

private:
    static torch::Tensor images(int b, int h = 28, int w = 28)
    {
        torch::manual_seed(3);
        return torch::randint(0, 256, {b, h, w, 3}, torch::kUInt8);
    }

private Q_SLOTS:
    void shapesAndRange()
    {
        BatchAugmenter a(AugmentConfig{}, 1);
        const auto v = a.augment(images(8));
        QCOMPARE(v.sizes().vec(), (std::vector<int64_t>{8, 3, 32, 32}));
        QVERIFY(v.min().item<float>() >= 0.0f);
        QVERIFY(v.max().item<float>() <= 1.0f);
    }

    void seededAndReproducible()
    {
        AugmentConfig c;
        c.colorJitter = c.grayscale = c.gaussianBlur = true;
        BatchAugmenter a(c, 7), b(c, 7), other(c, 8);
        const auto x = images(4);
        QVERIFY(torch::equal(a.augment(x), b.augment(x)));
        QVERIFY(torch::equal(a.augment(x), b.augment(x))); // same sequence of calls
        BatchAugmenter again(c, 7);
        QVERIFY(!torch::equal(again.augment(x), other.augment(x)));
    }

    void aSliceGetsTheWholeBatchsViews()
    {
        // A data-parallel rank augments only its rows of the batch; it must get exactly the
        // views a one-process run gives those rows, with every augmentation on, over two calls.
        AugmentConfig c;
        c.colorJitter = c.grayscale = c.gaussianBlur = true;
        const auto x = images(12);
        BatchAugmenter whole(c, 11);
        const auto first = whole.augment(x), second = whole.augment(x);
        for (int64_t offset : {0, 4, 8}) {
            BatchAugmenter rank(c, 11);
            const auto mine = x.narrow(0, offset, 4);
            const auto a = rank.augment(mine, 12, offset), b = rank.augment(mine, 12, offset);
            QVERIFY(torch::allclose(a, first.narrow(0, offset, 4), 0, 1e-6));
            QVERIFY(torch::allclose(b, second.narrow(0, offset, 4), 0, 1e-6));
        }
        BatchAugmenter bad(c, 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bad.augment(x.narrow(0, 0, 4), 12, 9));
    }

    void identityCropWithoutFlipIsAResize()
    {
        AugmentConfig c;
        c.cropScaleMin = c.cropScaleMax = 1.0;
        c.cropRatioMin = c.cropRatioMax = 1.0;
        c.horizontalFlip = false;
        c.outputSize = 28;
        BatchAugmenter a(c, 1);
        const auto x = images(2);
        QVERIFY(torch::allclose(a.augment(x), toFloatNchw(x), 1e-5, 1e-5));
    }

    void flipMirrors()
    {
        AugmentConfig c;
        c.randomResizedCrop = false;
        c.outputSize = 28;
        BatchAugmenter a(c, 5);
        const auto x = images(64);
        const auto v = a.augment(x), original = toFloatNchw(x);
        int flipped = 0, kept = 0;
        for (int i = 0; i < 64; ++i) {
            if (torch::allclose(v[i], original[i].flip({2}), 1e-5, 1e-5))
                ++flipped;
            else if (torch::allclose(v[i], original[i], 1e-5, 1e-5))
                ++kept;
        }
        QCOMPARE(flipped + kept, 64);
        QVERIFY(flipped > 16 && kept > 16); // p = 0.5
    }

    void colourOpsOffKeepColours()
    {
        // A uniformly coloured image keeps its colour through crop + flip (z must not change).
        auto x = torch::empty({1, 28, 28, 3}, torch::kUInt8);
        x.select(3, 0).fill_(31);
        x.select(3, 1).fill_(119);
        x.select(3, 2).fill_(180);
        BatchAugmenter a(AugmentConfig{}, 2);
        const auto v = a.augment(x);
        QVERIFY(torch::allclose(v[0][1], torch::full({32, 32}, 119 / 255.0f), 1e-5, 1e-5));
    }

    void encoderShapes()
    {
        torch::manual_seed(0);
        ContrastiveModel lenet(QStringLiteral("lenet"), 3, 0, 64, 128);
        const auto x = torch::rand({4, 3, 32, 32});
        const auto r = lenet->represent(x);
        QCOMPARE(r.sizes().vec(), (std::vector<int64_t>{4, 84}));
        QCOMPARE(lenet->project(r).sizes().vec(), (std::vector<int64_t>{4, 128}));
        QCOMPARE(lenet->lastConvActivation().sizes().vec(), (std::vector<int64_t>{4, 16, 10, 10}));
        ContrastiveModel resnet(QStringLiteral("resnet18"), 3, 0, 8, 32);
        QCOMPARE(resnet->represent(x).sizes().vec(), (std::vector<int64_t>{4, 64}));
        ContrastiveModel mlp(QStringLiteral("mlp"), 0, 10, 32, 16);
        QCOMPARE(mlp->project(mlp->represent(torch::rand({4, 10}))).sizes().vec(),
                 (std::vector<int64_t>{4, 16}));
    }
};

QTEST_GUILESS_MAIN(TestBatchAugmenter)
#include "tst_batchaugmenter.moc"
