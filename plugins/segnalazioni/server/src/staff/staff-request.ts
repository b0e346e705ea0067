import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { StaffScope } from './domain/access';
import { getService } from '../common/get-service';
import type { StaffMember } from '../workflow/workflow';

/** The admin user of a panel request (`admin::isAuthenticatedAdmin` has run). */
export const staffOf = (ctx: Context): StaffMember => (ctx.state as { user: StaffMember }).user;

/** What the admin user of this request may see and do: one scope for the panel's every route. */
export const staffScopeOf = (strapi: Core.Strapi, ctx: Context): Promise<StaffScope> => getService(strapi, 'staff').scopeOf(staffOf(ctx));
