#include "launch/farelauncher.h"

#include "common/formfields.h"
#include "launch/attributepicker.h"
#include "launch/computechoice.h"
#include "launch/sweepdialog.h"

#include "data/datasetreader.h"
#include "fare/farejob.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace equiscope {

FareLauncher::FareLauncher(JobQueue *queue, QWidget *parent)
    : LauncherForm(RunFamily::Fare, queue, parent), m_base(FareConfig::coloredFashionMnistDefault())
{
    const FareConfig &defaults = m_base;

    m_datasetLabel = new QLabel;
    m_datasetLabel->setWordWrap(true);
    m_name = new QLineEdit;
    m_name->setAccessibleName(tr("Run name"));
    m_name->setPlaceholderText(tr("Named after method and dataset when empty"));

    auto *method = new QComboBox;
    method->setAccessibleName(tr("Method"));
    auto *methodDescription = new QLabel;
    methodDescription->setWordWrap(true);

    m_picker = new AttributePicker;

    m_encoder = new QComboBox;
    m_encoder->addItems({QStringLiteral("lenet"), QStringLiteral("resnet18")});
    m_encoder->setAccessibleName(tr("Encoder"));
    m_encoder->setToolTip(
        tr("lenet: small and fast, for 28×28 images; resnet18: stronger, slower."));
    m_epochs =
        spinBox(1, 10000, defaults.epochs, tr("Epochs"), tr("Passes over the training images."));
    m_batch = spinBox(2, 65536, defaults.batchSize, tr("Batch size"),
                      tr("Images per step; contrastive losses see 2 × batch views."));
    m_learningRate = new QDoubleSpinBox;
    m_learningRate->setDecimals(6);
    m_learningRate->setRange(1e-6, 10.0);
    m_learningRate->setSingleStep(1e-4);
    m_learningRate->setValue(defaults.learningRate);
    m_learningRate->setAccessibleName(tr("Learning rate"));
    m_learningRate->setToolTip(tr("Peak learning rate after the warm-up epochs."));
    m_optimizer = new QComboBox;
    m_optimizer->addItems({QStringLiteral("adam"), QStringLiteral("adamw"), QStringLiteral("sgd"),
                           QStringLiteral("lars")});
    m_optimizer->setAccessibleName(tr("Optimizer"));
    m_seed = spinBox(0, std::numeric_limits<int>::max(), int(defaults.seed), tr("Seed"),
                     tr("Seeds initialisation, augmentations and batches: same seed, same run."));
    m_trainLimit =
        spinBox(0, std::numeric_limits<int>::max(), int(defaults.trainLimit), tr("Train limit"),
                tr("Training images used for contrastive training (0 = all)."));
    // Evaluation embeds these images after training; on a small run it can take longer than
    // the training itself.
    m_probeTrainLimit = spinBox(0, std::numeric_limits<int>::max(), int(defaults.probeTrainLimit),
                                tr("Probe training limit"),
                                tr("Training images the linear probes are fitted on after "
                                   "training (0 = all)."));
    m_testLimit = spinBox(0, std::numeric_limits<int>::max(), int(defaults.testLimit),
                          tr("Test limit"), tr("Test images evaluated (0 = all)."));
    m_epochEvaluation =
        spinBox(0, std::numeric_limits<int>::max(), int(defaults.epochEvaluationSamples),
                tr("Per-epoch evaluation"),
                tr("After every epoch, probe accuracy and fairness on this many test images (and "
                   "twice as many training images): per-epoch curves in Curves and the monitor. "
                   "0 = evaluate only after training."));

    auto *general = new QFormLayout;
    general->addRow(tr("Dataset:"), m_datasetLabel);
    general->addRow(tr("&Name:"), m_name);
    general->addRow(tr("&Method:"), method);
    general->addRow(QString(), methodDescription);
    general->addRow(tr("&Encoder:"), m_encoder);
    general->addRow(tr("E&pochs:"), m_epochs);
    general->addRow(tr("&Batch size:"), m_batch);
    general->addRow(tr("Le&arning rate:"), m_learningRate);
    general->addRow(tr("&Optimizer:"), m_optimizer);
    general->addRow(tr("See&d:"), m_seed);
    general->addRow(tr("Train l&imit:"), m_trainLimit);
    general->addRow(tr("Probe training limit:"), m_probeTrainLimit);
    general->addRow(tr("Test limit:"), m_testLimit);
    general->addRow(tr("Per-epoch evaluation:"), m_epochEvaluation);
    m_compute = new ComputeChoice(ReducedPrecisionOn::CpuAndCuda);
    general->addRow(tr("Device:"), m_compute);
    auto *generalBox = new QGroupBox(tr("Run"));
    generalBox->setLayout(general);

    auto *optionsBox = new QGroupBox(tr("Loss options"));
    auto *optionsForm = new QFormLayout(optionsBox);
    auto *attributesBox = new QGroupBox(tr("Target and sensitive attributes"));
    auto *attributesLayout = new QVBoxLayout(attributesBox);
    attributesLayout->addWidget(m_picker);

    m_sweep = new QPushButton(tr("S&weep…"));
    m_sweep->setAccessibleName(tr("Build sweep"));
    m_sweep->setToolTip(tr("Queue a grid over one or two hyper-parameters × seeds."));
    connect(m_sweep, &QPushButton::clicked, this, &FareLauncher::openSweepBuilder);

    auto *rightColumn = new QVBoxLayout;
    rightColumn->addWidget(attributesBox, 1);
    rightColumn->addWidget(optionsBox);
    auto *columns = new QHBoxLayout;
    columns->addWidget(generalBox, 3, Qt::AlignTop);
    columns->addLayout(rightColumn, 3);
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(columns);
    contentLayout->addStretch(1);
    setUpPage(content, method, methodDescription, optionsForm, tr("&Launch"), tr("Launch run"),
              {m_sweep});
    connect(m_picker, &AttributePicker::selectionChanged, this, &FareLauncher::updateValidation);
    connect(m_picker, &AttributePicker::previewUpdated, this, &FareLauncher::updateValidation);
    connect(m_compute, &ComputeChoice::changed, this, &FareLauncher::updateValidation);
    connect(m_seed, &QSpinBox::valueChanged, this,
            [this](int seed) { m_picker->setSeed(quint64(seed)); });
    for (QSpinBox *box : {m_epochs, m_batch, m_seed, m_trainLimit, m_probeTrainLimit, m_testLimit,
                          m_epochEvaluation})
        connect(box, &QSpinBox::valueChanged, this, &FareLauncher::updateValidation);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this, &FareLauncher::updateValidation);

    method->setCurrentIndex(method->findData(lossMethodName(defaults.loss.method)));
    rebuildOptions();
    setDataset(nullptr);
}

void FareLauncher::setDataset(const Dataset *dataset)
{
    if (dataset) {
        m_dataset = *dataset;
        m_spec = dataset->spec;
        m_datasetLabel->setText(
            tr("%1 (%n samples)", nullptr, int(dataset->size)).arg(dataset->name));
    } else {
        m_dataset.reset();
        m_spec = FareConfig::coloredFashionMnistDefault().dataset;
        m_datasetLabel->setText(tr("Colored Fashion-MNIST (default; open a dataset to change)"));
    }
    fillAttributes();
    updateValidation();
}

void FareLauncher::fillAttributes()
{
    const FareConfig defaults = FareConfig::coloredFashionMnistDefault();
    if (!m_dataset) {
        m_picker->setAttributes(nullptr, {defaults.target, defaults.sensitive.value(0)},
                                defaults.target, defaults.sensitive);
        return;
    }
    const QStringList names = m_dataset->attributes.names();
    m_picker->setAttributes(std::make_shared<const AttributeTable>(m_dataset->attributes), names,
                            m_dataset->defaultTarget.isEmpty() ? names.value(0)
                                                               : m_dataset->defaultTarget,
                            m_dataset->defaultSensitive);
}

FareConfig FareLauncher::config() const
{
    FareConfig c = m_base;
    c.dataset = m_spec;
    m_picker->applyTo(c);
    c.encoder = m_encoder->currentText();
    c.epochs = m_epochs->value();
    c.batchSize = m_batch->value();
    c.learningRate = m_learningRate->value();
    c.optimizer = m_optimizer->currentText();
    c.seed = quint64(m_seed->value());
    c.trainLimit = m_trainLimit->value();
    c.probeTrainLimit = m_probeTrainLimit->value();
    c.testLimit = m_testLimit->value();
    c.epochEvaluationSamples = m_epochEvaluation->value();
    c.device = m_compute->device();
    c.precision = m_compute->precision();
    if (auto m = lossMethodFromName(currentMethod()))
        c.loss.method = m.value();
    for (const auto &[key, text] : optionTexts())
        if (auto loss = c.loss.withOption(key, text))
            c.loss = loss.value();
    c.name = m_name->text().trimmed().isEmpty() ? defaultRunName(c.seed) : m_name->text().trimmed();
    return c;
}

void FareLauncher::setConfig(const FareConfig &c)
{
    m_base = c;
    m_name->setText(c.name);
    setMethod(lossMethodName(c.loss.method));
    m_picker->setFrom(c);
    m_encoder->setCurrentText(c.encoder);
    m_epochs->setValue(c.epochs);
    m_batch->setValue(c.batchSize);
    m_learningRate->setValue(c.learningRate);
    m_optimizer->setCurrentText(c.optimizer);
    m_seed->setValue(int(c.seed));
    m_trainLimit->setValue(int(std::min<qint64>(c.trainLimit, std::numeric_limits<int>::max())));
    m_probeTrainLimit->setValue(
        int(std::min<qint64>(c.probeTrainLimit, std::numeric_limits<int>::max())));
    m_testLimit->setValue(int(std::min<qint64>(c.testLimit, std::numeric_limits<int>::max())));
    m_epochEvaluation->setValue(
        int(std::min<qint64>(c.epochEvaluationSamples, std::numeric_limits<int>::max())));
    m_compute->setDevice(c.device);
    m_compute->setPrecision(c.precision);
    const QJsonObject loss = c.loss.toJson();
    setOptionValues([&loss](const QString &key) { return loss.value(key); });
    updateValidation();
}

QString FareLauncher::setConfigJson(const QJsonObject &json)
{
    return setTypedConfigJson<FareConfig>(this, json);
}

QString FareLauncher::validationError() const
{
    const FareConfig c = config();
    if (c.sensitive.isEmpty())
        return tr("Choose at least one sensitive attribute.");
    if (c.sensitive.contains(c.target))
        return LauncherForm::targetIsSensitiveText(c.target);
    const auto valid = c.validate();
    if (!valid)
        return valid.error().toString();
    if (const QString why = m_compute->unavailableReason(); !why.isEmpty())
        return why;
    if (m_dataset) {
        const auto against = c.validateAgainst(*m_dataset);
        if (!against)
            return against.error().toString();
    }
    // The group preview has the last word once it is in: e.g. a single-level attribute.
    if (!m_picker->isPreviewPending() && !m_picker->previewError().isEmpty())
        return m_picker->previewError();
    return {};
}

QComboBox *FareLauncher::targetBox() const
{
    return m_picker->targetBox();
}

QListWidget *FareLauncher::sensitiveList() const
{
    return m_picker->sensitiveList();
}

FareJob *FareLauncher::launch()
{
    return static_cast<FareJob *>(launchRun()); // the family's jobs
}

QList<FareJob *> FareLauncher::enqueue(const QList<FareConfig> &configs)
{
    return enqueueTyped<FareJob>(configs);
}

void FareLauncher::openSweepBuilder()
{
    if (!validationError().isEmpty())
        return;
    SweepDialog dialog(config(), this);
    if (dialog.exec() == QDialog::Accepted)
        enqueue(dialog.configs());
}

} // namespace equiscope
