#include "launch/fairssllauncher.h"

#include "common/formfields.h"
#include "launch/computechoice.h"
#include "launch/methodregistry.h"

#include "fairssl/fairssljob.h"
#include "jobs/jobqueue.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace equiscope {

namespace {

QString numbers(const QVector<double> &v)
{
    QStringList parts;
    for (double x : v)
        parts << QString::number(x, 'g', 8);
    return parts.join(QLatin1Char(','));
}

QListWidget *checkList(const QString &name, const QString &tip)
{
    auto *list = new QListWidget;
    list->setAccessibleName(name);
    list->setToolTip(tip);
    return list;
}

void fillChecks(QListWidget *list, const QStringList &items, const QStringList &checked)
{
    const QSignalBlocker block(list);
    list->clear();
    for (const QString &name : items) {
        auto *item = new QListWidgetItem(name, list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    const int rows = std::clamp(int(items.size()), 2, 5);
    list->setFixedHeight(rows * std::max(16, list->sizeHintForRow(0)) + 2 * list->frameWidth() + 4);
}

QStringList checkedItems(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked)
            out << list->item(i)->text();
    return out;
}

/// A line edit with a Browse… button beside it.
QWidget *fileRow(QLineEdit *edit, QPushButton *browse)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

} // namespace

FairSslLauncher::FairSslLauncher(JobQueue *queue, QWidget *parent)
    : LauncherForm(RunFamily::FairSsl, queue, parent),
      m_base(FairSslConfig::coloredFashionMnistDefault())
{
    setAccessibleName(tr("Fair SSL pipeline launcher"));
    const FairSslConfig &defaults = m_base;
    m_datasetLabel = new QLabel;
    m_datasetLabel->setWordWrap(true);
    m_name = new QLineEdit;
    m_name->setAccessibleName(tr("Run name"));
    m_name->setPlaceholderText(tr("Named after method and seed when empty"));
    auto *method = new QComboBox;
    method->setAccessibleName(tr("Method"));
    auto *description = new QLabel;
    description->setWordWrap(true);

    m_target = new QComboBox;
    m_target->setAccessibleName(tr("Target attribute"));
    m_target->setToolTip(tr("The attribute the linear classifier predicts."));
    m_levels = checkList(tr("Target levels"),
                         tr("The target levels that form the classes (at least two). None "
                            "checked: every level. Train images of other levels may still be "
                            "unlabelled pool images."));
    m_sensitive = checkList(tr("Sensitive attributes"),
                            tr("The groups of the meta set and of every per-group metric."));
    m_backbone = new QComboBox;
    m_backbone->addItems({QStringLiteral("lenet"), QStringLiteral("resnet18")});
    m_backbone->setAccessibleName(tr("Encoder"));
    m_backbone->setToolTip(tr("The encoder SimCLR and SupCon train: lenet (fast) or resnet18."));
    m_epochs = spinBox(1, 10000, defaults.epochs, tr("Epochs"),
                       tr("SupCon (or cross-entropy) epochs over the curated set."));
    m_batch = spinBox(4, 65536, defaults.batchSize, tr("Batch size"),
                      tr("Images per step; the contrastive losses see 2 × batch views."));
    m_learningRate = new QDoubleSpinBox;
    m_learningRate->setDecimals(6);
    m_learningRate->setRange(1e-6, 10.0);
    m_learningRate->setSingleStep(1e-4);
    m_learningRate->setValue(defaults.learningRate);
    m_learningRate->setAccessibleName(tr("Learning rate"));
    m_learningRate->setToolTip(tr("Peak Adam learning rate (cosine decay)."));
    m_seed = spinBox(0, std::numeric_limits<int>::max(), int(defaults.seed), tr("Seed"),
                     tr("Seeds every draw of the run: same seed, same run."));
    m_epochEvaluation =
        spinBox(0, std::numeric_limits<int>::max(), int(defaults.epochEvaluationSamples),
                tr("Per-epoch evaluation"),
                tr("After every training epoch, fit the classifier on the encoder so far and "
                   "measure accuracy and fairness on this many test images (and twice as many "
                   "labelled training images): per-epoch curves in Curves and the monitor. 0 = "
                   "evaluate only after training."));

    m_encoderSource = new QComboBox;
    m_encoderSource->addItem(tr("Built-in SimCLR (self-supervised)"), QStringLiteral("simclr"));
    m_encoderSource->addItem(tr("TorchScript file"), QStringLiteral("torchscript"));
    m_encoderSource->setAccessibleName(tr("Embedding encoder"));
    m_encoderSource->setToolTip(tr("What embeds the images for dedup, retrieval and "
                                   "pseudo-labels: SimCLR trained here, or your own pretrained "
                                   "image encoder (e.g. an exported CLIP image tower)."));
    m_encoderFile = new QLineEdit;
    m_encoderFile->setAccessibleName(tr("TorchScript encoder file"));
    m_encoderFile->setPlaceholderText(tr("encoder.pt (torch.jit.save)"));
    m_encoderBrowse = new QPushButton(tr("Browse…"));
    m_inputSize = spinBox(8, 1024, defaults.encoderInputSize, tr("Input size"),
                          tr("The TorchScript module sees S × S images."));
    m_mean = new QLineEdit(numbers(defaults.encoderMean));
    m_mean->setAccessibleName(tr("Normalisation mean"));
    m_mean->setToolTip(tr("Per-channel mean subtracted before the TorchScript encoder."));
    m_std = new QLineEdit(numbers(defaults.encoderStd));
    m_std->setAccessibleName(tr("Normalisation std"));
    m_std->setToolTip(tr("Per-channel standard deviation the input is divided by."));
    m_textFile = new QLineEdit;
    m_textFile->setAccessibleName(tr("Class text embeddings"));
    m_textFile->setPlaceholderText(tr("classes.npy or .csv, one row per class"));
    m_textFile->setToolTip(tr("Zero-shot pseudo-labels: one text embedding per class, in class "
                              "order, as wide as the image encoder's output."));
    m_textBrowse = new QPushButton(tr("Browse…"));

    auto *run = new QFormLayout;
    run->addRow(tr("Dataset:"), m_datasetLabel);
    run->addRow(tr("&Name:"), m_name);
    run->addRow(tr("&Method:"), method);
    run->addRow(QString(), description);
    run->addRow(tr("&Target:"), m_target);
    run->addRow(tr("Target &levels:"), m_levels);
    run->addRow(tr("&Sensitive:"), m_sensitive);
    run->addRow(tr("&Encoder:"), m_backbone);
    run->addRow(tr("E&pochs:"), m_epochs);
    run->addRow(tr("&Batch size:"), m_batch);
    run->addRow(tr("Learning &rate:"), m_learningRate);
    run->addRow(tr("See&d:"), m_seed);
    run->addRow(tr("Per-epoch evaluation:"), m_epochEvaluation);
    m_compute = new ComputeChoice(ReducedPrecisionOn::CpuAndCuda);
    run->addRow(tr("Device:"), m_compute);
    connect(m_compute, &ComputeChoice::changed, this, &FairSslLauncher::updateValidation);
    auto *runBox = new QGroupBox(tr("Run"));
    runBox->setLayout(run);

    auto *encoder = new QFormLayout;
    encoder->addRow(tr("Embedding:"), m_encoderSource);
    encoder->addRow(tr("File:"), fileRow(m_encoderFile, m_encoderBrowse));
    encoder->addRow(tr("Input size:"), m_inputSize);
    encoder->addRow(tr("Mean:"), m_mean);
    encoder->addRow(tr("Std:"), m_std);
    encoder->addRow(tr("Text embeddings:"), fileRow(m_textFile, m_textBrowse));
    auto *encoderBox = new QGroupBox(tr("Embedding encoder"));
    encoderBox->setLayout(encoder);

    auto *stagesBox = new QGroupBox(tr("Stage options"));
    auto *optionsForm = new QFormLayout(stagesBox);

    auto *right = new QVBoxLayout;
    right->addWidget(encoderBox);
    right->addWidget(stagesBox);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(runBox, 3, Qt::AlignTop);
    columns->addLayout(right, 3);
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(columns);
    contentLayout->addStretch(1);
    setUpPage(content, method, description, optionsForm, tr("&Launch"), tr("Launch pipeline run"));
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        fillLevels();
        updateValidation();
    });
    for (QListWidget *list : {m_levels, m_sensitive})
        connect(list, &QListWidget::itemChanged, this, &FairSslLauncher::updateValidation);
    for (QSpinBox *box : {m_epochs, m_batch, m_seed, m_inputSize})
        connect(box, &QSpinBox::valueChanged, this, &FairSslLauncher::updateValidation);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this,
            &FairSslLauncher::updateValidation);
    for (QLineEdit *edit : {m_encoderFile, m_mean, m_std, m_textFile, m_name})
        connect(edit, &QLineEdit::textChanged, this, &FairSslLauncher::updateValidation);
    connect(m_encoderSource, &QComboBox::currentIndexChanged, this, [this] {
        updateEncoderFields();
        updateValidation();
    });
    connect(m_encoderBrowse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("TorchScript image encoder"), m_encoderFile->text(),
            tr("TorchScript (*.pt *.pth *.ts);;All files (*)"));
        if (!file.isEmpty())
            m_encoderFile->setText(file);
    });
    connect(m_textBrowse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Class text embeddings"), m_textFile->text(),
                                         tr("Embeddings (*.npy *.csv);;All files (*)"));
        if (!file.isEmpty())
            m_textFile->setText(file);
    });

    method->setCurrentIndex(method->findData(fairSslMethodName(defaults.method)));
    rebuildOptions();
    updateEncoderFields();
    setDataset(nullptr);
}

void FairSslLauncher::setDataset(const Dataset *dataset)
{
    if (dataset) {
        m_dataset = *dataset;
        m_spec = dataset->spec;
        m_datasetLabel->setText(
            tr("%1 (%n samples)", nullptr, int(dataset->size)).arg(dataset->name));
    } else {
        m_dataset.reset();
        m_spec = FairSslConfig::coloredFashionMnistDefault().dataset;
        m_datasetLabel->setText(tr("Colored Fashion-MNIST, ρ = 0.7 (default; open a dataset to "
                                   "change)"));
    }
    fillAttributes();
    updateValidation();
}

void FairSslLauncher::fillAttributes()
{
    const FairSslConfig defaults = FairSslConfig::coloredFashionMnistDefault();
    QStringList names{defaults.target, defaults.sensitive.value(0)};
    QString target = defaults.target;
    QStringList sensitive = defaults.sensitive;
    if (m_dataset) {
        names = m_dataset->attributes.names();
        const bool hasDefault = names.contains(defaults.target) &&
                                m_dataset->attributes.contains(defaults.sensitive.value(0));
        target = hasDefault                           ? defaults.target
                 : m_dataset->defaultTarget.isEmpty() ? names.value(0)
                                                      : m_dataset->defaultTarget;
        sensitive = hasDefault ? defaults.sensitive : m_dataset->defaultSensitive;
    }
    {
        const QSignalBlocker block(m_target);
        m_target->clear();
        for (const QString &n : names)
            if (!m_dataset || m_dataset->attributes.column(n).isDiscrete())
                m_target->addItem(n);
        m_target->setCurrentText(target);
    }
    fillChecks(m_sensitive, names, sensitive);
    fillLevels();
}

void FairSslLauncher::fillLevels()
{
    const FairSslConfig defaults = FairSslConfig::coloredFashionMnistDefault();
    QStringList levels = defaults.targetLevels;
    QStringList checked = defaults.targetLevels;
    if (m_dataset && m_dataset->attributes.contains(m_target->currentText())) {
        levels = m_dataset->attributes.column(m_target->currentText()).levels();
        QStringList kept;
        for (const QString &l : checked)
            if (levels.contains(l))
                kept << l;
        checked = kept.size() >= 2 ? kept : QStringList();
    } else if (!m_dataset) {
        // Without an opened dataset the default's levels are the Fashion-MNIST classes.
        levels = {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"),
                  QStringLiteral("Pullover"),    QStringLiteral("Dress"),
                  QStringLiteral("Coat"),        QStringLiteral("Sandal"),
                  QStringLiteral("Shirt"),       QStringLiteral("Sneaker"),
                  QStringLiteral("Bag"),         QStringLiteral("Ankle boot")};
    }
    fillChecks(m_levels, levels, checked);
}

QJsonValue FairSslLauncher::optionValue(const QString &key) const
{
    // Keys are JSON paths: "section.leaf" or a top-level key.
    const QJsonObject current = m_base.toJson();
    const QString section = key.section(QLatin1Char('.'), 0, 0);
    const QString leaf = key.section(QLatin1Char('.'), 1);
    const QJsonValue value =
        leaf.isEmpty() ? current.value(section) : current.value(section).toObject().value(leaf);
    return value.isNull() ? QJsonValue(QJsonValue::Undefined) : value;
}

void FairSslLauncher::updateEncoderFields()
{
    const bool script = m_encoderSource->currentData().toString() == QLatin1String("torchscript");
    for (QWidget *w : {static_cast<QWidget *>(m_encoderFile),
                       static_cast<QWidget *>(m_encoderBrowse), static_cast<QWidget *>(m_inputSize),
                       static_cast<QWidget *>(m_mean), static_cast<QWidget *>(m_std)})
        w->setEnabled(script);
}

FairSslConfig FairSslLauncher::config() const
{
    FairSslConfig c = m_base;
    c.dataset = m_spec;
    if (auto m = fairSslMethodFromName(currentMethod()))
        c.method = m.value();
    c.target = m_target->currentText();
    c.targetLevels = checkedItems(m_levels);
    c.sensitive = checkedItems(m_sensitive);
    c.backbone = m_backbone->currentText();
    c.epochs = m_epochs->value();
    c.batchSize = m_batch->value();
    c.learningRate = m_learningRate->value();
    c.seed = quint64(m_seed->value());
    c.epochEvaluationSamples = m_epochEvaluation->value();
    c.device = m_compute->device();
    c.precision = m_compute->precision();
    c.encoderSource = m_encoderSource->currentData().toString();
    c.encoderPath = m_encoderFile->text().trimmed();
    c.encoderInputSize = m_inputSize->value();
    if (auto v = c.withOption(QStringLiteral("encoder.mean"), m_mean->text()))
        c = v.value();
    if (auto v = c.withOption(QStringLiteral("encoder.std"), m_std->text()))
        c = v.value();
    c.textEmbeddingsPath = m_textFile->text().trimmed();
    for (const auto &[key, text] : optionTexts())
        if (auto changed = c.withOption(key, text))
            c = changed.value();
    c.name = m_name->text().trimmed().isEmpty() ? defaultRunName(c.seed) : m_name->text().trimmed();
    return c;
}

void FairSslLauncher::setConfig(const FairSslConfig &c)
{
    m_base = c;
    m_spec = c.dataset;
    m_name->setText(c.name);
    setMethod(fairSslMethodName(c.method));
    m_target->setCurrentText(c.target);
    for (int i = 0; i < m_levels->count(); ++i)
        m_levels->item(i)->setCheckState(
            c.targetLevels.contains(m_levels->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    for (int i = 0; i < m_sensitive->count(); ++i)
        m_sensitive->item(i)->setCheckState(
            c.sensitive.contains(m_sensitive->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    m_backbone->setCurrentText(c.backbone);
    m_epochs->setValue(c.epochs);
    m_batch->setValue(c.batchSize);
    m_learningRate->setValue(c.learningRate);
    m_seed->setValue(int(c.seed));
    m_epochEvaluation->setValue(
        int(std::min<qint64>(c.epochEvaluationSamples, std::numeric_limits<int>::max())));
    m_compute->setDevice(c.device);
    m_compute->setPrecision(c.precision);
    m_encoderSource->setCurrentIndex(std::max(0, m_encoderSource->findData(c.encoderSource)));
    m_encoderFile->setText(c.encoderPath);
    m_inputSize->setValue(c.encoderInputSize);
    m_mean->setText(numbers(c.encoderMean));
    m_std->setText(numbers(c.encoderStd));
    m_textFile->setText(c.textEmbeddingsPath);
    rebuildOptions();
    updateValidation();
}

QString FairSslLauncher::setConfigJson(const QJsonObject &json)
{
    return setTypedConfigJson<FairSslConfig>(this, json);
}

QString FairSslLauncher::validationError() const
{
    const FairSslConfig c = config();
    if (c.sensitive.isEmpty())
        return tr("Choose at least one sensitive attribute.");
    if (c.sensitive.contains(c.target))
        return LauncherForm::targetIsSensitiveText(c.target);
    if (c.targetLevels.size() == 1)
        return tr("Check at least two target levels, or none for every level.");
    const auto valid = c.validate();
    if (!valid)
        return valid.error().toString();
    if (const QString why = m_compute->unavailableReason(); !why.isEmpty())
        return why;
    if (c.encoderSource == QLatin1String("torchscript") && !QFileInfo(c.encoderPath).isFile())
        return tr("%1: no such TorchScript file").arg(c.encoderPath);
    if (c.pseudoLabelMode == QLatin1String("zero-shot") &&
        !QFileInfo(c.textEmbeddingsPath).isFile())
        return tr("%1: no such text-embedding file").arg(c.textEmbeddingsPath);
    if (m_dataset) {
        const auto against = c.validateAgainst(*m_dataset);
        if (!against)
            return against.error().toString();
    }
    return {};
}

FairSslJob *FairSslLauncher::launch()
{
    return static_cast<FairSslJob *>(launchRun()); // the family's jobs
}

QList<FairSslJob *> FairSslLauncher::enqueue(const QList<FairSslConfig> &configs)
{
    return enqueueTyped<FairSslJob>(configs);
}

} // namespace equiscope
