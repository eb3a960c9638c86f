import { authRoute } from "@/lib/api/auth-routes";
import { handlers } from "@/lib/auth/config";

export const GET = authRoute(handlers.GET);
export const POST = authRoute(handlers.POST);
