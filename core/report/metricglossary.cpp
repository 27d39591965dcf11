#include "report/metricglossary.h"

#include "eval/metricdirection.h"

#include <QHash>

namespace equiscope {

namespace {

const QHash<QString, QString> &definitions()
{
    static const QHash<QString, QString> table{
        {QStringLiteral("accuracy"),
         QStringLiteral("Top-1 accuracy of a linear probe (multinomial logistic regression) "
                        "trained on the frozen representation of the probe-training samples and "
                        "evaluated on the test split; per group: accuracy within the group.")},
        {QStringLiteral("worst_group_accuracy"),
         QStringLiteral("min over every group with a test sample of the group accuracy, groups "
                        "too small to judge included (never above the overall accuracy; read it "
                        "with that group's size and interval).")},
        {QStringLiteral("worst_judged_group_accuracy"),
         QStringLiteral("min of the group accuracy over the groups large enough to judge "
                        "(at least the run's minimum group size).")},
        {QStringLiteral("accuracy_std"),
         QStringLiteral("Population standard deviation of the group accuracies (the SSL paper's "
                        "\"degree of bias\"); 0 = every group equally accurate.")},
        {QStringLiteral("accuracy_max_min_ratio"),
         QStringLiteral("max_g accuracy_g / min_g accuracy_g; 1 = equal.")},
        {QStringLiteral("skewed_error_ratio"),
         QStringLiteral("max_g (1 − accuracy_g) / min_g (1 − accuracy_g): how much larger the "
                        "worst group's error is than the best group's; 1 = equal.")},
        {QStringLiteral("demographic_parity_difference"),
         QStringLiteral("max_g − min_g of the selection rate P(Ŷ=1 | G=g); for multiclass "
                        "targets the one-vs-rest values averaged over classes. 0 = parity.")},
        {QStringLiteral("demographic_parity_ratio"),
         QStringLiteral("min_g / max_g of the selection rate; 1 = parity.")},
        {QStringLiteral("equalized_odds_difference"),
         QStringLiteral("max(TPR gap, FPR gap), each gap max_g − min_g over groups, with "
                        "TPR_g = P(Ŷ=1 | Y=1, G=g), FPR_g = P(Ŷ=1 | Y=0, G=g); multiclass: "
                        "one-vs-rest, averaged over classes. 0 = equalized odds.")},
        {QStringLiteral("equalized_odds_ratio"),
         QStringLiteral("min(min TPR / max TPR, min FPR / max FPR) over groups; 1 = equal.")},
        {QStringLiteral("equal_opportunity_difference"),
         QStringLiteral("max_g TPR_g − min_g TPR_g: the gap in true-positive rates.")},
        {QStringLiteral("equalized_odds_mean_gap"),
         QStringLiteral("The FARE paper's CelebA \"EO\": ½ Σ_{y∈{0,1}} (max_g P(Ŷ=y | Y=y, G=g) − "
                        "min_g P(Ŷ=y | Y=y, G=g)), ×100.")},
        {QStringLiteral("bias_mse"),
         QStringLiteral("Mean squared error of a linear regressor from the frozen representation "
                        "to the raw protected attribute (e.g. RGB 0–255), fitted on train and "
                        "measured on test, averaged over dimensions. Higher = less protected "
                        "information left = fairer.")},
        {QStringLiteral("bias_r2"),
         QStringLiteral("R² of that same regressor (scale-free): 0 = nothing about the protected "
                        "attribute is linearly recoverable, 1 = all of it.")},
        {QStringLiteral("bias_probe_accuracy"),
         QStringLiteral("Accuracy of a linear classifier predicting the sensitive group from the "
                        "representation; closer to the majority-class rate = fairer.")},
        {QStringLiteral("bias_probe_majority_rate"),
         QStringLiteral("Share of the largest sensitive group on test: what bias_probe_accuracy "
                        "reaches when the representation carries no group information.")},
        {QStringLiteral("selection_rate"),
         QStringLiteral("Per group: P(Ŷ=1 | G=g), the share predicted positive.")},
        {QStringLiteral("true_positive_rate"), QStringLiteral("Per group: P(Ŷ=1 | Y=1, G=g).")},
        {QStringLiteral("false_positive_rate"), QStringLiteral("Per group: P(Ŷ=1 | Y=0, G=g).")},
        {QStringLiteral("auc"),
         QStringLiteral("Per group: area under the ROC curve of the score (Mann–Whitney "
                        "statistic, ties count ½); a point estimate without CI.")},
        {QStringLiteral("mean_score"), QStringLiteral("Per group: mean of the score column.")},
        {QStringLiteral("loss"), QStringLiteral("Mean training loss of the epoch.")},
        {QStringLiteral("attentionEntropy"),
         QStringLiteral("Mean entropy of FARE's attention rows over the epoch: how spread the "
                        "weights over negatives are (log b = uniform).")},
        {QStringLiteral("attention_same_group"),
         QStringLiteral("Share of a row's attention (off the diagonal) that falls on samples of "
                        "its own sensitive group, mean over the rows of the epoch's probe batch; "
                        "compare with attention_same_group_uniform.")},
        {QStringLiteral("attention_same_group_uniform"),
         QStringLiteral("The same share under uniform attention, (n_g − 1) / (b − 1): above it, "
                        "attention concentrates on the row's own group.")},
        {QStringLiteral("too_small_to_judge"),
         QStringLiteral("The group has fewer samples than the minimum group size: its numbers are "
                        "not reported and it enters no aggregate.")},
    };
    return table;
}

} // namespace

QString metricDefinition(const QString &name)
{
    return definitions().value(name);
}

QString metricTitle(const QString &name)
{
    static const QHash<QString, QString> special{
        {QStringLiteral("bias_mse"), QStringLiteral("Bias MSE")},
        {QStringLiteral("bias_r2"), QStringLiteral("Bias R²")},
        {QStringLiteral("auc"), QStringLiteral("AUC")},
        {QStringLiteral("equalized_odds_mean_gap"), QStringLiteral("Equalized odds mean gap (EO)")},
        {QStringLiteral("attentionEntropy"), QStringLiteral("Attention entropy")},
        {QStringLiteral("attention_same_group"), QStringLiteral("Attention on own group")},
        {QStringLiteral("attention_same_group_uniform"),
         QStringLiteral("Attention on own group if uniform")},
        {QStringLiteral("learningRate"), QStringLiteral("Learning rate")},
        {QStringLiteral("imagesPerSecond"), QStringLiteral("Images per second")},
        {QStringLiteral("emptySupportRows"), QStringLiteral("Empty support rows")},
    };
    if (special.contains(name))
        return special.value(name);
    QString t = name;
    t.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!t.isEmpty())
        t[0] = t[0].toUpper();
    return t;
}

QString metricDirectionText(const QString &name)
{
    const auto d = metricDirection(name);
    if (!d)
        return {};
    return *d == ObjectiveDirection::Maximise ? QStringLiteral("↑ higher is better")
                                              : QStringLiteral("↓ lower is better");
}

} // namespace equiscope
