import { BatchSheetView } from '../views/BatchSheetView';
import { DocumentList } from '../views/DocumentList';
import { ReviewView } from '../views/ReviewView';
import { SettingsView } from '../views/SettingsView';
import { SheetView } from '../views/SheetView';
import { StartPage } from '../views/StartPage';
import { useRoute } from './router';

export function App() {
  const route = useRoute();
  switch (route.name) {
    case 'list':
      return <DocumentList />;
    case 'settings':
      return <SettingsView />;
    case 'batchSheet':
      return <BatchSheetView />;
    case 'review':
      return <ReviewView key={route.id} id={route.id} />;
    case 'sheet':
      return <SheetView key={route.id} id={route.id} />;
    default:
      return <StartPage />;
  }
}
