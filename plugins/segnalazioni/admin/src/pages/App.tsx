import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { DeskPage } from './DeskPage';
import { QueuePage } from './QueuePage';
import { ReportPage } from './ReportPage';
import { StatisticsPage } from './StatisticsPage';

const App = () => (
  <Page.Protect permissions={[{ action: 'plugin::segnalazioni.reports.read', subject: null }]}>
    <Routes>
      <Route index element={<QueuePage />} />
      <Route path="desk" element={<DeskPage />} />
      <Route path="reports/:documentId" element={<ReportPage />} />
      <Route path="statistics" element={<StatisticsPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;
