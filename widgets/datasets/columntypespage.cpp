#include "datasets/columntypespage.h"

#include "datasets/datasetwizard.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace equiscope {

namespace {
const AttributeType kTypes[] = {AttributeType::Binary, AttributeType::Categorical,
                                AttributeType::Continuous, AttributeType::Vector};

enum Column
{
    NameColumn,
    InferredColumn,
    TypeColumn,
    DistinctColumn,
    ExamplesColumn,
};

} // namespace

QString ColumnTypesPage::typeTitle(AttributeType t)
{
    switch (t) {
    case AttributeType::Binary:
        return tr("binary");
    case AttributeType::Categorical:
        return tr("categorical");
    case AttributeType::Continuous:
        return tr("continuous");
    case AttributeType::Vector:
        return tr("vector");
    }
    return {};
}

ColumnTypesPage::ColumnTypesPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Column types"));
    setSubTitle(tr("The type of every attribute column as the reader infers it. Override a type "
                   "where the inference is wrong, e.g. numeric codes that are categories."));
    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_table = new QTreeWidget;
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setHeaderLabels(
        {tr("Column"), tr("Inferred"), tr("Read as"), tr("Distinct"), tr("Examples")});
    m_table->setAccessibleName(tr("Attribute columns"));
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(true);
    m_type = new QComboBox;
    for (AttributeType t : kTypes)
        m_type->addItem(typeTitle(t), int(t));
    m_type->setAccessibleName(tr("Type of the selected column"));
    m_type->setToolTip(tr("binary: two levels · categorical: a set of levels · continuous: one "
                          "number · vector: numbers separated by ';' (e.g. an RGB colour)"));
    m_type->setEnabled(false);
    m_typeLabel = new QLabel(tr("&Read the selected column as:"));
    m_typeLabel->setBuddy(m_type);
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setAccessibleName(tr("Problem"));
    m_cliEquivalent = new QLabel;
    m_cliEquivalent->setWordWrap(true);
    m_cliEquivalent->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_typeLabel);
    typeRow->addWidget(m_type);
    typeRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addLayout(typeRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_cliEquivalent);

    connect(m_table, &QTreeWidget::currentItemChanged, this, &ColumnTypesPage::selectColumn);
    connect(m_type, &QComboBox::activated, this, [this] {
        const int row = m_table->indexOfTopLevelItem(m_table->currentItem());
        if (row < 0 || row >= m_chosen.size())
            return;
        m_chosen[row] = AttributeType(m_type->currentData().toInt());
        updateRow(row);
        updateProblem();
    });
    connect(&m_watcher, &QFutureWatcher<Expected<FolderCsvColumns>>::finished, this, [this] {
        Expected<FolderCsvColumns> result = m_watcher.result();
        if (result) {
            m_columns = result.value();
            m_readError.clear();
        } else {
            m_columns.reset();
            m_readError = result.error().toString();
        }
        showColumns();
        Q_EMIT inspected();
    });
}

ColumnTypesPage::~ColumnTypesPage()
{
    m_watcher.waitForFinished();
}

void ColumnTypesPage::initializePage()
{
    auto *w = qobject_cast<DatasetWizard *>(wizard());
    const QString path = w ? w->locationPage()->path() : QString();
    if (path == m_path && isInspected())
        return; // back and forth keeps the user's overrides
    // Keep the overrides made so far for the new file where column names match.
    if (m_columns)
        m_requested = overrides();
    m_path = path;
    m_columns.reset();
    m_readError.clear();
    m_chosen.clear();
    m_table->clear();
    m_type->setEnabled(false);
    m_status->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    m_problem->clear();
    m_cliEquivalent->clear();
    Q_EMIT completeChanged();
    m_watcher.setFuture(QtConcurrent::run([path] { return inspectFolderCsvColumns(path); }));
}

void ColumnTypesPage::showColumns()
{
    m_table->clear();
    m_chosen.clear();
    if (!m_columns) {
        m_status->setText(tr("The CSV cannot be read."));
        updateProblem();
        return;
    }
    const FolderCsvColumns &c = *m_columns;
    QString status = tr("%1: %2 rows").arg(QFileInfo(c.csv).fileName(), QLocale().toString(c.rows));
    status += c.splitColumn.isEmpty()
                  ? tr("; no split column, so the split is random (see the previous page).")
                  : tr("; the column '%1' gives the train/val/test split.").arg(c.splitColumn);
    m_status->setText(status);
    for (const FolderCsvColumn &col : c.columns) {
        AttributeType chosen = col.type;
        if (const auto requested = attributeTypeFromName(m_requested.value(col.name).toString()))
            chosen = *requested;
        m_chosen << chosen;
        auto *item = new QTreeWidgetItem(m_table);
        item->setText(NameColumn, col.name);
        item->setText(InferredColumn, col.fromSidecar ? tr("%1 (saved)").arg(typeTitle(col.type))
                                                      : typeTitle(col.type));
        if (col.fromSidecar)
            item->setToolTip(InferredColumn,
                             tr("Recorded in %1 beside the CSV")
                                 .arg(QFileInfo(typesSidecarPath(c.csv)).fileName()));
        item->setText(DistinctColumn, QLocale().toString(col.distinctValues));
        item->setTextAlignment(DistinctColumn, Qt::AlignRight | Qt::AlignVCenter);
        QString examples = col.examples.join(QStringLiteral(", "));
        if (col.distinctValues > col.examples.size())
            examples += QStringLiteral(", …");
        if (col.missing > 0)
            examples += tr(" (empty: %1)").arg(col.missing);
        item->setText(ExamplesColumn, examples);
        updateRow(int(m_chosen.size()) - 1);
    }
    if (m_table->topLevelItemCount() > 0)
        m_table->setCurrentItem(m_table->topLevelItem(0));
    updateProblem();
}

void ColumnTypesPage::updateRow(int row)
{
    QTreeWidgetItem *item = m_table->topLevelItem(row);
    if (!item || !m_columns)
        return;
    const FolderCsvColumn &col = m_columns->columns[row];
    const AttributeType t = m_chosen[row];
    const bool overridden = t != col.type;
    const bool bad = !col.errorAs(t).isEmpty();
    item->setText(TypeColumn, overridden ? tr("%1 (override)").arg(typeTitle(t)) : typeTitle(t));
    QFont font = item->font(NameColumn);
    font.setBold(overridden);
    item->setFont(TypeColumn, font);
    item->setIcon(TypeColumn, bad ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
    item->setToolTip(TypeColumn, bad ? col.errorAs(t) : QString());
}

void ColumnTypesPage::selectColumn()
{
    const int row = m_table->indexOfTopLevelItem(m_table->currentItem());
    m_type->setEnabled(row >= 0 && row < m_chosen.size());
    if (row < 0 || row >= m_chosen.size())
        return;
    m_typeLabel->setText(tr("&Read '%1' as:").arg(m_columns->columns[row].name));
    m_type->setCurrentIndex(m_type->findData(int(m_chosen[row])));
}

bool ColumnTypesPage::setColumnType(const QString &column, AttributeType type)
{
    if (!m_columns)
        return false;
    for (int i = 0; i < m_columns->columns.size(); ++i) {
        if (m_columns->columns[i].name != column)
            continue;
        m_chosen[i] = type;
        updateRow(i);
        if (m_table->currentItem() == m_table->topLevelItem(i))
            m_type->setCurrentIndex(m_type->findData(int(type)));
        updateProblem();
        return true;
    }
    return false;
}

std::optional<AttributeType> ColumnTypesPage::columnType(const QString &column) const
{
    if (!m_columns)
        return std::nullopt;
    for (int i = 0; i < m_columns->columns.size(); ++i)
        if (m_columns->columns[i].name == column)
            return m_chosen[i];
    return std::nullopt;
}

QVariantMap ColumnTypesPage::overrides() const
{
    QVariantMap out;
    if (!m_columns)
        return m_requested;
    for (int i = 0; i < m_columns->columns.size(); ++i)
        if (m_chosen[i] != m_columns->columns[i].type)
            out.insert(m_columns->columns[i].name, attributeTypeName(m_chosen[i]));
    return out;
}

QString ColumnTypesPage::problem() const
{
    if (!m_readError.isEmpty())
        return m_readError;
    if (!m_columns)
        return {};
    for (int i = 0; i < m_columns->columns.size(); ++i) {
        const QString error = m_columns->columns[i].errorAs(m_chosen[i]);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

void ColumnTypesPage::updateProblem()
{
    const QString p = problem();
    m_problem->setText(p.isEmpty() ? QString() : tr("⚠ %1").arg(p));
    const QVariantMap o = overrides();
    m_cliEquivalent->setText(o.isEmpty() || !m_columns
                                 ? QString()
                                 : tr("Command line: --option types=%1").arg(typesOptionText(o)));
    Q_EMIT completeChanged();
}

bool ColumnTypesPage::isComplete() const
{
    return m_columns.has_value() && problem().isEmpty();
}

} // namespace equiscope
