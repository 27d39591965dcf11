#include "experimentpanel.h"

#include "attributepicker.h"
#include "clusteringlauncher.h"
#include "fairssllauncher.h"
#include "formfields.h"
#include "methodregistry.h"
#include "sweepdialog.h"

#include "jobs/jobqueue.h"
#include "jobs/trainingjob.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace equiscope {

ExperimentPanel::ExperimentPanel(JobQueue *queue, QWidget *parent)
    : QWidget(parent), m_queue(queue), m_base(RunConfig::coloredFashionMnistDefault())
{
    const RunConfig &defaults = m_base;

    m_datasetLabel = new QLabel;
    m_datasetLabel->setWordWrap(true);
    m_name = new QLineEdit;
    m_name->setAccessibleName(tr("Run name"));
    m_name->setPlaceholderText(tr("Named after method and dataset when empty"));

    m_method = new QComboBox;
    m_method->setAccessibleName(tr("Method"));
    for (const MethodInfo &m : MethodRegistry::instance().methods())
        if (m.family == QLatin1String("fare"))
            m_method->addItem(m.title, m.name);
    m_methodDescription = new QLabel;
    m_methodDescription->setWordWrap(true);

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

    auto *general = new QFormLayout;
    general->addRow(tr("Dataset:"), m_datasetLabel);
    general->addRow(tr("&Name:"), m_name);
    general->addRow(tr("&Method:"), m_method);
    general->addRow(QString(), m_methodDescription);
    general->addRow(tr("&Encoder:"), m_encoder);
    general->addRow(tr("E&pochs:"), m_epochs);
    general->addRow(tr("&Batch size:"), m_batch);
    general->addRow(tr("Le&arning rate:"), m_learningRate);
    general->addRow(tr("&Optimizer:"), m_optimizer);
    general->addRow(tr("See&d:"), m_seed);
    general->addRow(tr("Train l&imit:"), m_trainLimit);
    auto *generalBox = new QGroupBox(tr("Run"));
    generalBox->setLayout(general);

    auto *optionsBox = new QGroupBox(tr("Loss options"));
    m_optionsForm = new QFormLayout(optionsBox);
    auto *attributesBox = new QGroupBox(tr("Target and sensitive attributes"));
    auto *attributesLayout = new QVBoxLayout(attributesBox);
    attributesLayout->addWidget(m_picker);

    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Validation message"));
    QFont bold = m_error->font();
    bold.setBold(true);
    m_error->setFont(bold);
    m_launch = new QPushButton(tr("&Launch"));
    m_launch->setAccessibleName(tr("Launch run"));
    m_launch->setDefault(true);
    m_sweep = new QPushButton(tr("S&weep…"));
    m_sweep->setAccessibleName(tr("Build sweep"));
    m_sweep->setToolTip(tr("Queue a grid over one or two hyper-parameters × seeds."));
    connect(m_launch, &QPushButton::clicked, this, [this] { launch(); });
    connect(m_sweep, &QPushButton::clicked, this, &ExperimentPanel::openSweepBuilder);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_sweep);
    buttons->addWidget(m_launch);

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
    auto *scroll = new QScrollArea;
    scroll->setFocusPolicy(Qt::NoFocus); // a Tab stop without a name; it follows the focus
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    // Each method family has its own form (its own config and job): the FARE family's is this
    // page, the fair-SSL and clustering families' live in their launchers.
    auto *farePage = new QWidget;
    auto *fareLayout = new QVBoxLayout(farePage);
    fareLayout->setContentsMargins(0, 0, 0, 0);
    fareLayout->addWidget(scroll, 1);
    fareLayout->addLayout(buttons);
    m_fairSsl = new FairSslLauncher(queue);
    connect(m_fairSsl, &FairSslLauncher::jobCreated, this, &ExperimentPanel::jobCreated);
    m_clustering = new ClusteringLauncher(queue);
    m_clustering->setStorePathProvider([this] { return m_storePath; });
    connect(m_clustering, &ClusteringLauncher::jobCreated, this, &ExperimentPanel::jobCreated);
    m_pages = new QStackedWidget;
    m_pages->addWidget(farePage);
    m_pages->addWidget(m_fairSsl);
    m_pages->addWidget(m_clustering);
    m_family = new QComboBox;
    m_family->setAccessibleName(tr("Method family"));
    m_family->addItem(tr("Fair representation learning (FARE family)"), QStringLiteral("fare"));
    m_family->addItem(tr("Fair self-supervised pipeline"), QStringLiteral("fair-ssl"));
    m_family->addItem(tr("Fair clustering"), QStringLiteral("clustering"));
    connect(m_family, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        if (m_pages->currentWidget() == m_clustering)
            m_clustering->refreshRuns();
    });
    auto *familyRow = new QFormLayout;
    // No mnemonic: every letter of "Family" is taken on this page (File, Method, Launch, …).
    familyRow->addRow(tr("Family:"), m_family);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(familyRow);
    layout->addWidget(m_pages, 1);

    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        rebuildOptions();
        updateValidation();
    });
    connect(m_picker, &AttributePicker::selectionChanged, this, &ExperimentPanel::updateValidation);
    connect(m_picker, &AttributePicker::previewUpdated, this, &ExperimentPanel::updateValidation);
    connect(m_seed, &QSpinBox::valueChanged, this,
            [this](int seed) { m_picker->setSeed(quint64(seed)); });
    for (QSpinBox *box : {m_epochs, m_batch, m_seed, m_trainLimit})
        connect(box, &QSpinBox::valueChanged, this, &ExperimentPanel::updateValidation);
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this,
            &ExperimentPanel::updateValidation);

    m_method->setCurrentIndex(m_method->findData(lossMethodName(defaults.loss.method)));
    rebuildOptions();
    setDataset(nullptr);
}

bool ExperimentPanel::selectMethod(const QString &method)
{
    const MethodInfo *info = MethodRegistry::instance().method(method);
    if (!info)
        return false;
    const int family = m_family->findData(info->family);
    if (family < 0)
        return false;
    m_family->setCurrentIndex(family);
    QComboBox *box = info->family == QLatin1String("fair-ssl")     ? m_fairSsl->methodBox()
                     : info->family == QLatin1String("clustering") ? m_clustering->methodBox()
                                                                   : m_method;
    box->setCurrentIndex(box->findData(method));
    return true;
}

void ExperimentPanel::setStorePath(const QString &path)
{
    m_storePath = path;
    m_fairSsl->setStorePath(path);
}

void ExperimentPanel::setDataset(const Dataset *dataset)
{
    m_fairSsl->setDataset(dataset);
    if (dataset) {
        m_dataset = *dataset;
        m_spec = dataset->spec;
        m_datasetLabel->setText(
            tr("%1 (%n samples)", nullptr, int(dataset->size)).arg(dataset->name));
    } else {
        m_dataset.reset();
        m_spec = RunConfig::coloredFashionMnistDefault().dataset;
        m_datasetLabel->setText(tr("Colored Fashion-MNIST (default; open a dataset to change)"));
    }
    fillAttributes();
    updateValidation();
}

void ExperimentPanel::fillAttributes()
{
    const RunConfig defaults = RunConfig::coloredFashionMnistDefault();
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

void ExperimentPanel::rebuildOptions()
{
    while (m_optionsForm->rowCount() > 0)
        m_optionsForm->removeRow(0);
    m_optionEditors.clear();
    const MethodInfo *info = MethodRegistry::instance().method(m_method->currentData().toString());
    if (!info)
        return;
    m_methodDescription->setText(info->description);
    for (const MethodOption &option : info->options) {
        QWidget *editor = nullptr;
        switch (option.kind) {
        case MethodOption::Kind::Real: {
            auto *box = new QDoubleSpinBox;
            box->setDecimals(option.decimals);
            box->setRange(option.minimum, option.maximum);
            box->setValue(option.defaultValue.toDouble());
            connect(box, &QDoubleSpinBox::valueChanged, this, &ExperimentPanel::updateValidation);
            editor = box;
            break;
        }
        case MethodOption::Kind::Integer: {
            auto *box = new QSpinBox;
            box->setRange(int(option.minimum), int(option.maximum));
            box->setValue(option.defaultValue.toInt());
            connect(box, &QSpinBox::valueChanged, this, &ExperimentPanel::updateValidation);
            editor = box;
            break;
        }
        case MethodOption::Kind::Choice: {
            auto *box = new QComboBox;
            box->addItems(option.choices);
            box->setCurrentText(option.defaultValue.toString());
            editor = box;
            break;
        }
        case MethodOption::Kind::Flag: {
            auto *box = new QCheckBox;
            box->setChecked(option.defaultValue.toBool());
            editor = box;
            break;
        }
        }
        editor->setToolTip(option.toolTip);
        editor->setAccessibleName(option.label);
        editor->setObjectName(option.key);
        //: A form label made from an option's name (French puts a space before the colon).
        m_optionsForm->addRow(tr("%1:").arg(option.label), editor);
        m_optionEditors.insert(option.key, editor);
        // New editors join the end of the focus chain: keep the buttons under the form last.
        if (m_sweep && m_launch) {
            QWidget::setTabOrder(editor, m_sweep);
            QWidget::setTabOrder(m_sweep, m_launch);
        }
    }
}

RunConfig ExperimentPanel::config() const
{
    RunConfig c = m_base;
    c.dataset = m_spec;
    m_picker->applyTo(c);
    c.encoder = m_encoder->currentText();
    c.epochs = m_epochs->value();
    c.batchSize = m_batch->value();
    c.learningRate = m_learningRate->value();
    c.optimizer = m_optimizer->currentText();
    c.seed = quint64(m_seed->value());
    c.trainLimit = m_trainLimit->value();
    const QString method = m_method->currentData().toString();
    if (auto m = lossMethodFromName(method))
        c.loss.method = m.value();
    for (auto it = m_optionEditors.cbegin(); it != m_optionEditors.cend(); ++it) {
        QString text;
        if (auto *d = qobject_cast<QDoubleSpinBox *>(it.value()))
            text = QString::number(d->value(), 'g', 10);
        else if (auto *s = qobject_cast<QSpinBox *>(it.value()))
            text = QString::number(s->value());
        else if (auto *b = qobject_cast<QComboBox *>(it.value()))
            text = b->currentText();
        else if (auto *f = qobject_cast<QCheckBox *>(it.value()))
            text = f->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
        if (auto loss = c.loss.withOption(it.key(), text))
            c.loss = loss.value();
    }
    const QString title = m_method->currentText();
    c.name = m_name->text().trimmed().isEmpty() ? tr("%1 · seed %2").arg(title).arg(c.seed)
                                                : m_name->text().trimmed();
    return c;
}

void ExperimentPanel::setConfig(const RunConfig &c)
{
    m_base = c;
    m_name->setText(c.name);
    m_method->setCurrentIndex(std::max(0, m_method->findData(lossMethodName(c.loss.method))));
    m_picker->setFrom(c);
    m_encoder->setCurrentText(c.encoder);
    m_epochs->setValue(c.epochs);
    m_batch->setValue(c.batchSize);
    m_learningRate->setValue(c.learningRate);
    m_optimizer->setCurrentText(c.optimizer);
    m_seed->setValue(int(c.seed));
    m_trainLimit->setValue(int(c.trainLimit));
    const QJsonObject loss = c.loss.toJson();
    for (auto it = m_optionEditors.cbegin(); it != m_optionEditors.cend(); ++it) {
        const QJsonValue v = loss.value(it.key());
        if (auto *d = qobject_cast<QDoubleSpinBox *>(it.value()))
            d->setValue(v.toDouble(d->value()));
        else if (auto *s = qobject_cast<QSpinBox *>(it.value()))
            s->setValue(v.toInt(s->value()));
        else if (auto *b = qobject_cast<QComboBox *>(it.value()))
            b->setCurrentText(v.toString(b->currentText()));
        else if (auto *f = qobject_cast<QCheckBox *>(it.value()))
            f->setChecked(v.toBool(f->isChecked()));
    }
    updateValidation();
}

QString ExperimentPanel::validationError() const
{
    const RunConfig c = config();
    if (c.sensitive.isEmpty())
        return tr("Choose at least one sensitive attribute.");
    const auto valid = c.validate();
    if (!valid)
        return valid.error().toString();
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

void ExperimentPanel::updateValidation()
{
    const QString error = validationError();
    m_error->setText(error.isEmpty() ? QString() : tr("⚠ %1").arg(error));
    m_launch->setEnabled(error.isEmpty());
    m_sweep->setEnabled(error.isEmpty());
}

QComboBox *ExperimentPanel::targetBox() const
{
    return m_picker->targetBox();
}

QListWidget *ExperimentPanel::sensitiveList() const
{
    return m_picker->sensitiveList();
}

TrainingJob *ExperimentPanel::launch()
{
    if (!validationError().isEmpty())
        return nullptr;
    const QList<TrainingJob *> jobs = enqueue({config()});
    return jobs.value(0);
}

QList<TrainingJob *> ExperimentPanel::enqueue(const QList<RunConfig> &configs)
{
    QList<TrainingJob *> jobs;
    for (const RunConfig &c : configs) {
        auto *job = new TrainingJob(c, m_storePath);
        Q_EMIT jobCreated(job);
        m_queue->enqueue(job);
        jobs.append(job);
    }
    return jobs;
}

void ExperimentPanel::openSweepBuilder()
{
    if (!validationError().isEmpty())
        return;
    SweepDialog dialog(config(), this);
    if (dialog.exec() == QDialog::Accepted)
        enqueue(dialog.configs());
}

} // namespace equiscope
