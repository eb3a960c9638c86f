import { authRoute } from "@/server/api/auth-routes";
import { handlers } from "@/server/auth/config";

export const GET = authRoute(handlers.GET);
export const POST = authRoute(handlers.POST);
